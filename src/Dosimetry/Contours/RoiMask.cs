using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// A region on a dose grid: per voxel the fraction (0..1) of the voxel inside the region (partial-volume weight).
/// </summary>
public sealed class RoiMask
{
    public RoiMask(Volume weights, bool extendsBeyondGrid = false, IReadOnlyList<string>? notes = null)
    {
        Weights = weights;
        ExtendsBeyondGrid = extendsBeyondGrid;
        Notes = notes ?? [];
        double sum = 0;
        foreach (var w in weights.Voxels)
        {
            if (!(w >= 0f && w <= 1f)) throw new ArgumentException($"ROI weights must lie in 0..1, found {w}.", nameof(weights));
            sum += w;
        }
        WeightSum = sum;
    }

    /// <summary>Partial-volume weights on the dose grid (unitless, 0..1).</summary>
    public Volume Weights { get; }

    /// <summary>Sum of the weights: the ROI volume in voxels.</summary>
    public double WeightSum { get; }

    /// <summary>ROI volume inside the grid in mL (cm3).</summary>
    public double VolumeMl => WeightSum * Weights.VoxelVolumeMl;

    /// <summary>True when part of the contoured region lies outside the grid (the volume and statistics cover only the part inside).</summary>
    public bool ExtendsBeyondGrid { get; }

    /// <summary>What was tolerated or skipped while rasterising (POINT contours, repeated points, ...).</summary>
    public IReadOnlyList<string> Notes { get; }

    public bool IsEmpty => WeightSum <= 0;
}
