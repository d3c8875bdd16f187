using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Reporting.Model;

/// <summary>An ROI as the report shows it: its metrics and, for images, its mask on the dose grid.</summary>
public sealed record ReportRoi
{
    public required RoiMetrics Metrics { get; init; }

    /// <summary>Voxel fractions 0..1 inside the ROI, on the dose grid; null when no image is wanted.</summary>
    public Volume? Mask { get; init; }

    /// <summary>A box outside which every <see cref="Mask"/> voxel is 0 (the rasterised mask's bounds), so images visit only it; null: scan the grid.</summary>
    public VoxelBox? MaskBounds { get; init; }

    /// <summary>
    /// The RTSTRUCT this ROI comes from when it is not <see cref="SourceReferences.RtStruct"/> (studies with several
    /// structure sets); null means the report's RTSTRUCT (or none for derived regions).
    /// </summary>
    public RtStructReference? StructureSet { get; init; }

    public string Name => Metrics.Name;
}
