using System.Text.Json;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>
/// One lesion's audited figures of one revision: TDv (mean), SD and D70 in Gy, CoV as a fraction, V100 in percent of
/// the volume, volume in mL, the longest axial diameter in mm from the contours, and TDp in Gy (null without a plan).
/// A figure results.json gives as null stays null.
/// </summary>
public sealed record LesionFigures(string RoiName, double? TdvGy, double? SdGy, double? Cov, double? D70Gy, double? V100Percent,
    double? VolumeMl, double? LongestAxialDiameterMm, double? TdpGy);

/// <summary>Reads the lesions (role "lesion") of a results.json document (docs/contours-and-metrics.md).</summary>
public static class LesionResults
{
    public static IReadOnlyList<LesionFigures> Read(string resultsJson)
    {
        using var document = JsonDocument.Parse(resultsJson);
        var lesions = new List<LesionFigures>();
        if (!document.RootElement.TryGetProperty("rois", out var rois) || rois.ValueKind != JsonValueKind.Array) return lesions;
        foreach (var roi in rois.EnumerateArray())
        {
            if (Text(roi, "role") != "lesion" || Text(roi, "name") is not { } name) continue;
            lesions.Add(new LesionFigures(name, Number(roi, "meanGy"), Number(roi, "sdGy"), Number(roi, "cov"), Number(roi, "d70Gy"),
                Number(roi, "v100Percent"), Number(roi, "volumeMl"), Number(roi, "longestAxialDiameterMm"), Number(roi, "tdpGy")));
        }
        return lesions;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
