namespace VoxDose.Dosimetry.Contours;

/// <summary>Combinations of partial-volume masks on one grid.</summary>
public static class RoiMaskAlgebra
{
    /// <summary>
    /// Normal liver = liver minus lesions: per voxel max(0, w_liver - min(1, sum of lesion weights)). Exact when the
    /// lesions lie inside the liver and do not overlap; a lesion outside the liver removes nothing outside it.
    /// </summary>
    public static RoiMask Subtract(RoiMask from, IEnumerable<RoiMask> remove)
    {
        var sum = new float[from.Weights.Count];
        foreach (var mask in remove) AddTo(sum, mask, from);
        return Subtract(from, sum);
    }

    /// <summary>As above with the lesion weights already summed per voxel (saves keeping every lesion mask).</summary>
    public static RoiMask Subtract(RoiMask from, float[] removeWeightSum)
    {
        if (removeWeightSum.Length != from.Weights.Count) throw new ArgumentException("The weight sum must cover the mask's grid.", nameof(removeWeightSum));
        // Outside the bounding box of `from` its weights are 0, and max(0, 0 - min(1, s)) is 0 again: only the box is
        // computed, into a fresh (zero) grid.
        var result = from.Weights.WithSameGeometry();
        var voxels = result.Voxels;
        var source = from.Weights.Voxels;
        var box = from.Bounds;
        foreach (var row in box.Rows(result))
            for (var i = row.First; i <= row.Last; i++) voxels[i] = Math.Max(0f, source[i] - Math.Min(1f, removeWeightSum[i]));
        return new RoiMask(result, from.ExtendsBeyondGrid, from.Notes, box);
    }

    /// <summary>Adds a mask's weights into a per-voxel sum on the grid of <paramref name="grid"/>.</summary>
    public static void AddTo(float[] sum, RoiMask mask, RoiMask grid)
    {
        if (!mask.Weights.HasSameGrid(grid.Weights) || sum.Length != mask.Weights.Count)
            throw new ArgumentException("Masks to combine must be on the same grid.", nameof(mask));
        // Outside the mask's bounding box its weights are 0: adding them would change nothing.
        var w = mask.Weights.Voxels;
        foreach (var row in mask.Bounds.Rows(mask.Weights))
            for (var i = row.First; i <= row.Last; i++) sum[i] += w[i];
    }
}
