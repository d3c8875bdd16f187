using VoxDose.Dicom;
using VoxDose.Dosimetry.Planning;
using VoxDose.Reporting.Common;
using static VoxDose.Reporting.StructuredReport.SrContent;

namespace VoxDose.Reporting.StructuredReport;

/// <summary>
/// The SR's planned-vs-delivered container (private codes 99VOXDOSE): which plan was linked or why none, one group per
/// matched lesion with TDp, TDv, TDv - TDp and TDv / TDp, the unmatched lesions by name, and the voxel-wise statement.
/// </summary>
internal static class PlannedVersusDeliveredContent
{
    public static DicomDataset Build(PlanLinkReport link)
    {
        var items = new List<DicomDataset> { Text(Contains, Codes.PlanLink, link.Statement) };
        if (link.PlanStudyInstanceUid is { } uid) items.Add(UidRef(Contains, Codes.StudyInstanceUid, uid));
        if (link.Comparison is { } comparison)
        {
            foreach (var m in comparison.Matched)
            {
                var lesion = new List<DicomDataset> { Text(HasObsContext, Codes.TrackingIdentifier, m.DeliveredName) };
                if (m.TdpGy is { } tdp && double.IsFinite(tdp)) lesion.Add(Num(Contains, Codes.PlannedMeanDose, tdp, Codes.Gy));
                if (double.IsFinite(m.TdvGy)) lesion.Add(Num(Contains, Codes.DeliveredMeanDose, m.TdvGy, Codes.Gy));
                if (m.DifferenceGy is { } d && double.IsFinite(d)) lesion.Add(Num(Contains, Codes.DeliveredMinusPlanned, d, Codes.Gy));
                if (m.Ratio is { } r && double.IsFinite(r)) lesion.Add(Num(Contains, Codes.DeliveredOverPlanned, r, Codes.Ratio));
                items.Add(Container(Contains, Codes.PlannedVersusDeliveredLesion, lesion));
            }
            foreach (var name in comparison.UnmatchedPlanned) items.Add(Text(Contains, Codes.UnmatchedLesion, $"planned, not delivered: {name}"));
            foreach (var name in comparison.UnmatchedDelivered) items.Add(Text(Contains, Codes.UnmatchedLesion, $"delivered, not in the plan: {name}"));
        }
        items.Add(Text(Contains, Codes.VoxelComparison, link.VoxelComparison));
        if (link.Voxel is { } v && double.IsFinite(v.MeanDifferenceGy))
        {
            items.Add(Num(Contains, Codes.VoxelMeanDifference, v.MeanDifferenceGy, Codes.Gy));
            items.Add(Num(Contains, Codes.VoxelSdDifference, v.SdDifferenceGy, Codes.Gy));
            items.Add(Num(Contains, Codes.VoxelFractionWithin, v.FractionWithinTolerance, Codes.Ratio));
        }
        return Container(Contains, Codes.PlannedVersusDelivered, items);
    }
}
