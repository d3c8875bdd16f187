using System.Globalization;
using System.Text.Json.Nodes;

namespace VoxDose.Interop.Tests.Dicom;

/// <summary>
/// Compares two DICOM JSON Model documents element by element: same tags, VRs, values, nested sequences and
/// private elements. Numbers are compared as numbers (FL and OF at single precision, since DCMTK prints 9 digits
/// and we print the shortest round-trip form); strings, PN objects and InlineBinary exactly.
/// </summary>
internal static class DicomJsonComparer
{
    public static List<string> Compare(JsonNode? expected, JsonNode? actual, ISet<string>? ignoreTopLevelTags = null)
    {
        var diffs = new List<string>();
        CompareDataset(expected as JsonObject, actual as JsonObject, "", diffs, ignoreTopLevelTags ?? new HashSet<string>());
        return diffs;
    }

    private static void CompareDataset(JsonObject? e, JsonObject? a, string path, List<string> diffs, ISet<string> ignore)
    {
        if (e is null || a is null)
        {
            if (e is not null || a is not null) diffs.Add($"{path}: one side is not an object");
            return;
        }
        foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            if (ignore.Contains(key)) continue;
            var where = path + "/" + key;
            if (!e.ContainsKey(key)) { diffs.Add($"{where}: only in ours: {Short(a[key])}"); continue; }
            if (!a.ContainsKey(key)) { diffs.Add($"{where}: missing in ours (DCMTK has {Short(e[key])})"); continue; }
            CompareElement(e[key]!.AsObject(), a[key]!.AsObject(), where, diffs);
        }
    }

    private static void CompareElement(JsonObject e, JsonObject a, string where, List<string> diffs)
    {
        var vr = (string?)e["vr"];
        if (vr != (string?)a["vr"]) { diffs.Add($"{where}: VR {vr} vs ours {(string?)a["vr"]}"); return; }
        foreach (var key in new[] { "InlineBinary", "BulkDataURI" })
            if (!JsonNode.DeepEquals(e[key], a[key])) diffs.Add($"{where}: {key} differs ({Short(e[key])} vs ours {Short(a[key])})");
        var ev = e["Value"] as JsonArray;
        var av = a["Value"] as JsonArray;
        if (ev is null || av is null)
        {
            if ((ev?.Count ?? 0) != (av?.Count ?? 0)) diffs.Add($"{where}: Value {Short(ev)} vs ours {Short(av)}");
            return;
        }
        if (ev.Count != av.Count) { diffs.Add($"{where}: {ev.Count} values vs ours {av.Count}: {Short(ev)} vs {Short(av)}"); return; }
        for (var i = 0; i < ev.Count; i++)
        {
            var x = ev[i];
            var y = av[i];
            var at = $"{where}[{i}]";
            if (vr == "SQ") CompareDataset(x as JsonObject, y as JsonObject, at, diffs, new HashSet<string>());
            else if (x is JsonValue xv && y is JsonValue yv && IsNumber(xv) && IsNumber(yv))
            {
                var dx = xv.GetValue<double>();
                var dy = yv.GetValue<double>();
                var same = vr is "FL" or "OF" ? (float)dx == (float)dy || (float.IsNaN((float)dx) && float.IsNaN((float)dy)) : dx == dy || Math.Abs(dx - dy) <= 1e-15 * Math.Max(Math.Abs(dx), Math.Abs(dy));
                if (!same) diffs.Add($"{at}: {dx.ToString("R", CultureInfo.InvariantCulture)} vs ours {dy.ToString("R", CultureInfo.InvariantCulture)}");
            }
            else if (!JsonNode.DeepEquals(x, y)) diffs.Add($"{at}: {Short(x)} vs ours {Short(y)}");
        }
    }

    private static bool IsNumber(JsonValue v) => v.GetValueKind() == System.Text.Json.JsonValueKind.Number;

    private static string Short(JsonNode? n)
    {
        var s = n?.ToJsonString() ?? "null";
        return s.Length > 120 ? s[..117] + "..." : s;
    }
}
