using System.Text.Json;

namespace VoxDose.Dosimetry.Planning;

/// <summary>
/// The planned-vs-delivered part of a Y-90 dose report made by the node: which plan of the patient was linked (or, in
/// <see cref="Statement"/>, why none was), the per-lesion comparison (<see cref="PlannedVersusDelivered"/>: TDp, TDv,
/// difference, ratio; unmatched lesions listed) and what became of the voxel-wise comparison (<see cref="VoxelComparison"/>).
/// results.json carries it as <c>plannedVersusDelivered</c> (docs/planning.md).
/// </summary>
public sealed record PlanLinkReport(string Statement, string? PlanStudyInstanceUid, string? PlanStudyDate, PlannedVersusDelivered? Comparison,
    string VoxelComparison)
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
        json.WriteBoolean("performed", false);
        json.WriteString("reason", VoxelComparison);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
