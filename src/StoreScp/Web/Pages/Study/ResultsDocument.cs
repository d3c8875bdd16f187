using System.Text.Json;
using VoxDose.Dosimetry.Results;

namespace VoxDose.StoreScp.Web.Pages.Study;

public sealed record FlagView(string Code, string Message, string Source);

/// <summary>What the Study page shows of a revision's results.json (schema in docs/contours-and-metrics.md).</summary>
public sealed record ResultsDocument(IReadOnlyList<RoiMetrics> Rois, IReadOnlyList<FlagView> GlobalFlags, IReadOnlyList<string> Y90Evidence,
    IReadOnlyList<(string Name, string Value)> Calculation, IReadOnlyList<string> Notes)
{
    public static ResultsDocument? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var rois = root.TryGetProperty("rois", out var r) ? r.EnumerateArray().Select(Roi).ToList() : [];
            var evidence = new List<string>();
            var calculation = new List<(string, string)>();
            if (root.TryGetProperty("method", out var method)) calculation.Add(("method", method.ToString()));
            if (root.TryGetProperty("totalActivityMBq", out var activity)) calculation.Add(("total activity in the PET (MBq)", Show(activity)));
            if (root.TryGetProperty("calculation", out var calc))
                foreach (var p in calc.EnumerateObject())
                {
                    if (p.Name == "y90Evidence") evidence.AddRange(p.Value.EnumerateArray().Select(e => e.GetString() ?? ""));
                    else calculation.Add((p.Name, p.Value.ValueKind == JsonValueKind.Array ? string.Join(" x ", p.Value.EnumerateArray().Select(Show)) : Show(p.Value)));
                }
            var notes = root.TryGetProperty("notes", out var n) ? n.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
            return new ResultsDocument(rois, Flags(root), evidence, calculation, notes);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Numbers with 6 significant digits for reading (results.json keeps full precision).</summary>
    private static string Show(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : value.ToString();

    private static List<FlagView> Flags(JsonElement e) => e.TryGetProperty("flags", out var flags)
        ? flags.EnumerateArray().Select(f => new FlagView(Text(f, "code"), Text(f, "message"), Text(f, "source"))).ToList()
        : [];

    private static RoiMetrics Roi(JsonElement e)
    {
        var dx = new Dictionary<int, double>();
        var vx = new Dictionary<int, double>();
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number) continue;
            if (p.Name.StartsWith('d') && p.Name.EndsWith("Gy", StringComparison.Ordinal) && int.TryParse(p.Name[1..^2], out var x)) dx[x] = p.Value.GetDouble();
            if (p.Name.StartsWith('v') && p.Name.EndsWith("Percent", StringComparison.Ordinal) && int.TryParse(p.Name[1..^7], out var y)) vx[y] = p.Value.GetDouble();
        }
        var dvh = new List<DvhPoint>();
        if (e.TryGetProperty("dvh", out var d) && d.TryGetProperty("doseGy", out var doses) && d.TryGetProperty("volumePercent", out var volumes))
            dvh.AddRange(doses.EnumerateArray().Zip(volumes.EnumerateArray(), (a, b) => new DvhPoint(a.GetDouble(), b.GetDouble())));
        return new RoiMetrics
        {
            Name = Text(e, "name"),
            Role = Enum.TryParse<RoiRole>(Text(e, "role"), true, out var role) ? role : default,
            VolumeMl = Number(e, "volumeMl"),
            MeanGy = Number(e, "meanGy"),
            SdGy = Number(e, "sdGy"),
            Cov = Number(e, "cov"),
            MinGy = Number(e, "minGy"),
            MaxGy = Number(e, "maxGy"),
            MedianGy = Number(e, "medianGy"),
            DxGy = dx,
            VxPercent = vx,
            BedGy = e.TryGetProperty("bedGy", out var bed) && bed.ValueKind == JsonValueKind.Number ? bed.GetDouble() : null,
            EudGy = e.TryGetProperty("eudGy", out var eud) && eud.ValueKind == JsonValueKind.Number ? eud.GetDouble() : null,
            Dvh = dvh,
            Flags = Flags(e).Select(f => new RoiFlag(f.Code, f.Message, f.Source)).ToList(),
        };
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static double Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
}
