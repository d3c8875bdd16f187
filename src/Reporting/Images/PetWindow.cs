using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Reporting.Images;

/// <summary>Where the upper level of a fused slice's grey PET window was measured.</summary>
public enum PetWindowSource
{
    /// <summary>Voxels of the displayed slice inside the uptake ROIs (lesions, liver, normal liver, perfused region).</summary>
    UptakeRois,

    /// <summary>Voxels of the displayed slice with activity above zero (too few ROI voxels on the slice).</summary>
    ActiveVoxels,

    /// <summary>No voxel of the slice holds activity: nominal window, the PET is black.</summary>
    NoActivity,
}

/// <summary>
/// The grey PET window of one fused slice: 0 (black) to <see cref="UpperBqPerMl"/> (white), linear. The upper level is
/// the 99th percentile of the PET on the displayed slice inside the uptake ROIs (where a Y-90 PET has its counts),
/// so a hot lesion keeps its texture instead of saturating and the liver stays grey; the hottest 1 % of those voxels,
/// and never fewer than the two hottest, are excluded, so isolated hot voxels (noise spikes, a lesion rim) cannot
/// flatten the rest. With fewer than <see cref="MinRegionVoxels"/> ROI voxels on the slice, the voxels of the slice
/// with activity above zero are used instead; with none, the window is nominal (1 Bq/ml) and flagged.
/// </summary>
public sealed record PetWindow(double UpperBqPerMl, PetWindowSource Source)
{
    public const double Quantile = 0.99;
    public const int MinRegionVoxels = 20;
    private const int ExcludedHottest = 2;

    /// <summary>The ROI roles whose masks define the region the window is measured in.</summary>
    public static bool IsUptakeRole(RoiRole role) =>
        role is RoiRole.Lesion or RoiRole.WholeLiver or RoiRole.NormalLiver or RoiRole.PerfusedRegion;

    /// <summary>Short text for the image caption, e.g. "PET 0-1.25 MBq/ml (p99 ROIs)".</summary>
    public string Caption => Source switch
    {
        PetWindowSource.UptakeRois => FormattableString.Invariant($"PET 0-{UpperBqPerMl / 1e6:G3} MBq/ml (p99 ROIs)"),
        PetWindowSource.ActiveVoxels => FormattableString.Invariant($"PET 0-{UpperBqPerMl / 1e6:G3} MBq/ml (p99 slice)"),
        _ => "PET: no activity on slice",
    };

    /// <summary>Grey level 0..1 of a PET value: 0 for zero, negative or non-finite values, 1 at and above the upper level.</summary>
    public double Grey(float bqPerMl) => float.IsFinite(bqPerMl) ? Math.Clamp(bqPerMl / UpperBqPerMl, 0, 1) : 0;

    /// <summary>The window for axial slice <paramref name="sliceIndex"/>; <paramref name="regionMasks"/> on the PET grid (fractions 0..1, inside at 0.5).</summary>
    public static PetWindow ForSlice(Volume petBqPerMl, int sliceIndex, IReadOnlyList<Volume> regionMasks)
    {
        ArgumentNullException.ThrowIfNull(petBqPerMl);
        ArgumentNullException.ThrowIfNull(regionMasks);
        if (sliceIndex < 0 || sliceIndex >= petBqPerMl.SizeZ)
            throw new ArgumentOutOfRangeException(nameof(sliceIndex), $"Slice {sliceIndex} is outside 0..{petBqPerMl.SizeZ - 1}.");
        var offset = sliceIndex * petBqPerMl.StrideZ;
        var count = petBqPerMl.StrideZ;
        var pet = petBqPerMl.Voxels;

        var inRois = new List<float>();
        for (var p = 0; p < count; p++)
        {
            var v = pet[offset + p];
            if (!float.IsFinite(v)) continue;
            foreach (var mask in regionMasks)
                if (mask.Voxels[offset + p] >= 0.5f) { inRois.Add(v); break; }
        }
        if (inRois.Count >= MinRegionVoxels && Percentile(inRois) is > 0 and var roiUpper)
            return new PetWindow(roiUpper, PetWindowSource.UptakeRois);

        var active = new List<float>();
        for (var p = 0; p < count; p++)
            if (pet[offset + p] is > 0 and var v && float.IsFinite(v)) active.Add(v);
        if (active.Count > 0 && Percentile(active) is > 0 and var activeUpper)
            return new PetWindow(activeUpper, PetWindowSource.ActiveVoxels);
        return new PetWindow(1, PetWindowSource.NoActivity);
    }

    private static double Percentile(List<float> values)
    {
        values.Sort();
        var n = values.Count;
        var index = Math.Min((int)Math.Floor(Quantile * (n - 1)), n - 1 - Math.Min(ExcludedHottest, n - 1));
        return values[index];
    }
}
