using System.Globalization;
using System.Text.Json;

namespace VoxDose.StoreScp.Audit;

/// <summary>
/// Pulls (region name, mean dose in Gy) pairs out of a computation's results document: every JSON object holding a
/// name and a mean dose (<c>name</c>/<c>Name</c> with <c>meanGy</c>/<c>MeanGy</c>), wherever it sits.
/// </summary>
public static class ResultsSummary
{
    public static IReadOnlyList<(string Name, double MeanGy)> MeanDoses(string? resultsJson)
    {
        var found = new List<(string, double)>();
        if (string.IsNullOrWhiteSpace(resultsJson)) return found;
        try
        {
            using var document = JsonDocument.Parse(resultsJson);
            Walk(document.RootElement, found);
        }
        catch (JsonException)
        {
            // Not JSON: nothing to summarise.
        }
        return found;
    }

    /// <summary>
    /// The key doses of a results document for a one-line summary: each lesion and the normal liver (by their
    /// <c>role</c> in results.json), or the first regions when no role is given.
    /// </summary>
    public static string KeyDoses(string? resultsJson, int max = 6)
    {
        var all = MeanDoses(resultsJson);
        var roles = Roles(resultsJson);
        var key = all.Where(d => roles.GetValueOrDefault(d.Name) is "lesion" or "normalLiver").ToList();
        return Format(key.Count > 0 ? key : all, max);
    }

    public static string Format(IReadOnlyList<(string Name, double MeanGy)> doses, int max = 4) =>
        doses.Count == 0 ? "" : string.Join(", ", doses.Take(max).Select(d => $"{d.Name} {d.MeanGy.ToString("0.0", CultureInfo.InvariantCulture)} Gy"))
            + (doses.Count > max ? $", +{doses.Count - max}" : "");

    private static Dictionary<string, string> Roles(string? resultsJson)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(resultsJson)) return roles;
        try
        {
            using var document = JsonDocument.Parse(resultsJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("rois", out var rois) && rois.ValueKind == JsonValueKind.Array)
            {
                foreach (var roi in rois.EnumerateArray())
                {
                    if (roi.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && roi.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String)
                        roles[n.GetString()!] = r.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: no roles.
        }
        return roles;
    }

    private static void Walk(JsonElement element, List<(string, double)> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            string? name = null;
            double? mean = null;
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("name") || property.NameEquals("Name"))
                    name = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                else if ((property.NameEquals("meanGy") || property.NameEquals("MeanGy")) && property.Value.ValueKind == JsonValueKind.Number)
                    mean = property.Value.GetDouble();
                else
                    Walk(property.Value, found);
            }
            if (name is not null && mean is not null) found.Add((name, mean.Value));
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Walk(item, found);
        }
    }
}
