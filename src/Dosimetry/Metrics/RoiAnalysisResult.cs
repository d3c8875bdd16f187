using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// The metrics of every ROI applied to one dose map, and what happened to each structure set offered
/// (applied, or not applicable with the reason; ROIs rejected individually with theirs).
/// </summary>
public sealed record RoiAnalysisResult(IReadOnlyList<RoiMetrics> Rois, IReadOnlyList<StructureSetMatch> StructureSets)
{
    public IEnumerable<StructureSetMatch> NotApplicable => StructureSets.Where(s => !s.Applies);
}
