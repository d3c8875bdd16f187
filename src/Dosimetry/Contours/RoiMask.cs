using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// A region on a dose grid: per voxel the fraction (0..1) of the voxel inside the region (partial-volume weight).
/// </summary>
public sealed class RoiMask
{
    public RoiMask(Volume weights, bool extendsBeyondGrid = false, IReadOnlyList<string>? notes = null)
        : this(weights, extendsBeyondGrid, notes, VoxelBox.All(weights))
    {
    }

    /// <param name="zeroOutside">A box outside which every weight is known to be 0 (e.g. what the rasteriser wrote): only
    /// the box is checked and summed, in the grid's own order, so the sum is the one a pass over the whole grid gives.</param>
    internal RoiMask(Volume weights, bool extendsBeyondGrid, IReadOnlyList<string>? notes, VoxelBox zeroOutside)
    {
        Weights = weights;
        ExtendsBeyondGrid = extendsBeyondGrid;
        Notes = notes ?? [];
        double sum = 0;
        var bounds = VoxelBox.Empty;
        var voxels = weights.Voxels;
        foreach (var row in zeroOutside.Rows(weights))
        {
            int first = -1, last = -1;
            for (var i = row.First; i <= row.Last; i++)
            {
                var w = voxels[i];
                if (!(w >= 0f && w <= 1f)) throw new ArgumentException($"ROI weights must lie in 0..1, found {w}.", nameof(weights));
                if (w == 0f) continue;
                sum += w;
                if (first < 0) first = i - row.Offset;
                last = i - row.Offset;
            }
            if (first >= 0) bounds = bounds.Including(first, row.Y, row.Z).Including(last, row.Y, row.Z);
        }
        WeightSum = sum;
        Bounds = bounds;
    }

    /// <summary>The smallest box holding every voxel of non-zero weight (empty for an empty ROI): the weights outside it are 0.</summary>
    public VoxelBox Bounds { get; }

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
