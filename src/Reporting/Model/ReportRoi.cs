using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Reporting.Model;

/// <summary>An ROI as the report shows it: its metrics and, for images, its mask on the dose grid.</summary>
public sealed record ReportRoi
{
    public required RoiMetrics Metrics { get; init; }

    /// <summary>Voxel fractions 0..1 inside the ROI, on the dose grid; null when no image is wanted.</summary>
    public Volume? Mask { get; init; }

    public string Name => Metrics.Name;
}
