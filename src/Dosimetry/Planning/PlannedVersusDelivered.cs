using System.Globalization;
using System.Text;
using System.Text.Json;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.IO;

namespace VoxDose.Dosimetry.Planning;

/// <summary>One lesion of the plan as the comparison needs it: its ROI name and its partition-model dose TDp (Gy).</summary>
public sealed record PlannedLesion(string Name, double? PartitionDoseGy);

/// <summary>A lesion found in both the plan and the delivered dose: TDp, TDv, TDv - TDp and TDv / TDp.</summary>
public sealed record LesionComparison(string PlanName, string DeliveredName, double? TdpGy, double TdvGy)
{
    public double? DifferenceGy => TdpGy is { } p ? TdvGy - p : null;
    public double? Ratio => TdpGy is { } p && p > 0 ? TdvGy / p : null;
}

/// <summary>
/// Planned (TDp, MAA partition model) against delivered (TDv, Y-90 PET mean dose) per lesion. Lesions are matched by
/// normalised ROI name only (case, spaces and punctuation ignored: "Lesion 1" = "LESION_1"); a name that normalises
/// to more than one lesion on a side is not matched. Unmatched lesions are listed on both sides, never guessed.
/// </summary>
public sealed record PlannedVersusDelivered(IReadOnlyList<LesionComparison> Matched, IReadOnlyList<string> UnmatchedPlanned,
    IReadOnlyList<string> UnmatchedDelivered, IReadOnlyList<string> Notes)
{
    public static PlannedVersusDelivered Compare(IReadOnlyList<PlannedLesion> planned, IEnumerable<RoiMetrics> delivered)
    {
        var deliveredLesions = delivered.Where(r => r.Role == RoiRole.Lesion).ToList();
        var notes = new List<string>();
        var planGroups = planned.GroupBy(p => Normalise(p.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var deliveredGroups = deliveredLesions.GroupBy(d => Normalise(d.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var matched = new List<LesionComparison>();
        var unmatchedPlanned = new List<string>();
        foreach (var p in planned)
        {
            var key = Normalise(p.Name);
            if (planGroups[key].Count > 1 || (deliveredGroups.TryGetValue(key, out var ds) && ds.Count > 1))
            {
                unmatchedPlanned.Add(p.Name);
                notes.Add($"\"{p.Name}\": its normalised name \"{key}\" is not unique, so it is not matched");
                continue;
            }
            if (deliveredGroups.TryGetValue(key, out var d)) matched.Add(new LesionComparison(p.Name, d[0].Name, p.PartitionDoseGy, d[0].MeanGy));
            else unmatchedPlanned.Add(p.Name);
        }
        var matchedDelivered = matched.Select(m => m.DeliveredName).ToHashSet(StringComparer.Ordinal);
        var unmatchedDelivered = deliveredLesions.Where(d => !matchedDelivered.Contains(d.Name)).Select(d => d.Name).ToList();
        return new PlannedVersusDelivered(matched, unmatchedPlanned, unmatchedDelivered, notes);
    }

    /// <summary>The plan's lesions from a plan.json (role "lesion": name and partitionDoseGy).</summary>
    public static IReadOnlyList<PlannedLesion> LesionsFromPlanJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("rois", out var rois) || rois.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{path}: no \"rois\" array: not a VoxDose plan.json.");
        return [.. rois.EnumerateArray().Where(r => r.TryGetProperty("role", out var role) && role.GetString() == "lesion")
            .Select(r => new PlannedLesion(r.GetProperty("name").GetString() ?? "",
                r.TryGetProperty("partitionDoseGy", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : null))];
    }

    /// <summary>Lower case, letters and digits only, runs of anything else as one space, trimmed: "Lesion_1 " = "lesion 1".</summary>
    public static string Normalise(string name)
    {
        var sb = new StringBuilder(name.Length);
        var gap = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (gap && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                gap = false;
            }
            else gap = true;
        }
        return sb.ToString();
    }

    /// <summary>Writes planned-vs-delivered.json (docs/planning.md).</summary>
    public void WriteJson(string path, string planSource)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("plan", planSource);
        WriteBody(json);
        json.WriteEndObject();
    }

    /// <summary>The lesions (TDp, TDv, difference, ratio), the unmatched names on both sides and the notes, as properties of the open object.</summary>
    public void WriteBody(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray("lesions");
        foreach (var m in Matched)
        {
            json.WriteStartObject();
            json.WriteString("planName", m.PlanName);
            json.WriteString("deliveredName", m.DeliveredName);
            json.WriteNumberOrNull("tdpGy", m.TdpGy);
            json.WriteNumberOrNull("tdvGy", m.TdvGy);
            json.WriteNumberOrNull("differenceGy", m.DifferenceGy);
            json.WriteNumberOrNull("ratio", m.Ratio);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("unmatchedPlanned");
        foreach (var n in UnmatchedPlanned) json.WriteStringValue(n);
        json.WriteEndArray();
        json.WriteStartArray("unmatchedDelivered");
        foreach (var n in UnmatchedDelivered) json.WriteStringValue(n);
        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var n in Notes) json.WriteStringValue(n);
        json.WriteEndArray();
    }
}
