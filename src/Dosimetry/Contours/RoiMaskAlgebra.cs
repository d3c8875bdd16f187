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
        var result = from.Weights.WithSameGeometry((float[])from.Weights.Voxels.Clone());
        var lesionSum = new float[result.Count];
        foreach (var mask in remove)
        {
            if (!mask.Weights.HasSameGrid(from.Weights)) throw new ArgumentException("Masks to subtract must be on the same grid.", nameof(remove));
            var w = mask.Weights.Voxels;
            for (var i = 0; i < w.Length; i++) lesionSum[i] += w[i];
        }
        var voxels = result.Voxels;
        for (var i = 0; i < voxels.Length; i++) voxels[i] = Math.Max(0f, voxels[i] - Math.Min(1f, lesionSum[i]));
        return new RoiMask(result, from.ExtendsBeyondGrid, from.Notes);
    }
}
