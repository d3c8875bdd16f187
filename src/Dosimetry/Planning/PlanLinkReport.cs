using System.Text.Json;
using VoxDose.Dosimetry.IO;

namespace VoxDose.Dosimetry.Planning;

/// <summary>
/// The planned-vs-delivered part of a Y-90 dose report made by the node: which plan of the patient was linked (or, in
/// <see cref="Statement"/>, why none was), the per-lesion comparison (<see cref="PlannedVersusDelivered"/>: TDp, TDv,
/// difference, ratio; unmatched lesions listed) and what became of the voxel-wise comparison (<see cref="VoxelComparison"/>).
/// results.json carries it as <c>plannedVersusDelivered</c> (docs/planning.md).
/// </summary>
public sealed record PlanLinkReport(string Statement, string? PlanStudyInstanceUid, string? PlanStudyDate, PlannedVersusDelivered? Comparison,
    string VoxelComparison, VoxelDoseComparison? Voxel = null, string? RegistrationSopInstanceUid = null)
{
    public bool Linked => Comparison is not null;

    /// <summary>Writes the <c>plannedVersusDelivered</c> object.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject("plannedVersusDelivered");
        json.WriteBoolean("linked", Linked);
        json.WriteString("statement", Statement);
        if (PlanStudyInstanceUid is null) json.WriteNull("planStudyInstanceUid");
        else json.WriteString("planStudyInstanceUid", PlanStudyInstanceUid);
        if (PlanStudyDate is null) json.WriteNull("planStudyDate");
        else json.WriteString("planStudyDate", PlanStudyDate);
        if (Comparison is not null) Comparison.WriteBody(json);
        json.WriteStartObject("voxelComparison");
        json.WriteBoolean("performed", Voxel is not null);
        json.WriteString("reason", VoxelComparison);
        if (Voxel is { } v)
        {
            json.WriteString("registrationSopInstanceUid", RegistrationSopInstanceUid);
            json.WriteNumber("voxelsCompared", v.VoxelsCompared);
            json.WriteNumberOrNull("meanDifferenceGy", v.MeanDifferenceGy);
            json.WriteNumberOrNull("sdDifferenceGy", v.SdDifferenceGy);
            json.WriteNumber("toleranceGy", VoxelDoseComparison.ToleranceGy);
            json.WriteNumberOrNull("fractionWithinTolerance", v.FractionWithinTolerance);
            json.WriteNumber("thresholdFractionOfDeliveredMax", VoxelDoseComparison.ThresholdFraction);
            json.WriteStartObject("differenceHistogram");
            json.WriteNumber("binWidthGy", VoxelDoseComparison.BinWidthGy);
            json.WriteNumber("rangeGy", VoxelDoseComparison.RangeGy);
            json.WriteStartArray("counts");
            foreach (var c in v.HistogramCounts) json.WriteNumberValue(c);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
