using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Reporting.Images;

/// <summary>Which axial slice to show for an ROI: the one through its mask-weighted centre.</summary>
public static class SliceChoice
{
    /// <summary>The slice index nearest the centre of mass of <paramref name="mask"/> (fractions 0..1); null for an empty mask.</summary>
    /// <param name="bounds">A box outside which the mask is 0 (its zeros would add nothing): only it is summed; null: the whole grid.</param>
    public static int? CentreSlice(Volume mask, VoxelBox? bounds = null)
    {
        double sum = 0, sumZ = 0;
        var box = bounds ?? VoxelBox.All(mask);
        var voxels = mask.Voxels;
        for (var k = Math.Max(box.Z0, 0); k <= Math.Min(box.Z1, mask.SizeZ - 1); k++)
        {
            double slice = 0;
            for (var j = box.Y0; j <= box.Y1; j++)
            {
                var row = mask.Index(0, j, k);
                for (var i = row + box.X0; i <= row + box.X1; i++) slice += voxels[i];
            }
            sum += slice;
            sumZ += slice * k;
        }
        if (!(sum > 0)) return null;
        return (int)Math.Round(sumZ / sum);
    }

    /// <summary>The slice holding the largest dose (used when no ROI has a mask).</summary>
    public static int MaxSlice(Volume dose)
    {
        var best = 0;
        for (var i = 1; i < dose.Voxels.Length; i++)
            if (dose.Voxels[i] > dose.Voxels[best]) best = i;
        return best / dose.StrideZ;
    }
}
