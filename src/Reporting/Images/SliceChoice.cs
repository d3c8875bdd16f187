using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Reporting.Images;

/// <summary>Which axial slice to show for an ROI: the one through its mask-weighted centre.</summary>
public static class SliceChoice
{
    /// <summary>The slice index nearest the centre of mass of <paramref name="mask"/> (fractions 0..1); null for an empty mask.</summary>
    public static int? CentreSlice(Volume mask)
    {
        double sum = 0, sumZ = 0;
        var perSlice = mask.StrideZ;
        var voxels = mask.Voxels;
        for (var k = 0; k < mask.SizeZ; k++)
        {
            double slice = 0;
            for (var i = k * perSlice; i < (k + 1) * perSlice; i++) slice += voxels[i];
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
