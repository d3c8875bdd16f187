using System.Globalization;
using System.Text;
using VoxDose.Dicom.Dictionary;

namespace VoxDose.Dicom.Dump;

/// <summary>
/// A human-readable listing of a file in the spirit of DCMTK's dcmdump: one line per element with tag, VR, value
/// (strings in brackets, numbers bare, long binary values abbreviated), length, VM and keyword; sequences indented.
/// </summary>
public static class DicomDumpWriter
{
    private const int MaxValueChars = 64;

    public static string ToText(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sb = new StringBuilder();
        sb.AppendLine("# Dicom-File-Format");
        sb.AppendLine();
        sb.AppendLine("# Dicom-Meta-Information-Header");
        sb.AppendLine("# Used TransferSyntax: Little Endian Explicit");
        AppendDataset(sb, file.Meta, 0);
        sb.AppendLine();
        sb.AppendLine("# Dicom-Data-Set");
        sb.AppendLine("# Used TransferSyntax: " + file.TransferSyntax.Name);
        AppendDataset(sb, file.Dataset, 0);
        if (file.StoppedBeforePixelData) sb.AppendLine("# (stopped before pixel data)");
        foreach (var w in file.Warnings) sb.AppendLine("# Warning: " + w);
        return sb.ToString();
    }

    public static string ToText(DicomDataset dataset)
    {
        var sb = new StringBuilder();
        AppendDataset(sb, dataset, 0);
        return sb.ToString();
    }

    private static void AppendDataset(StringBuilder sb, DicomDataset ds, int depth)
    {
        foreach (var e in ds)
        {
            var indent = new string(' ', depth * 2);
            var keyword = DicomDictionary.Lookup(e.Tag)?.Keyword ?? (e.Tag.IsPrivate ? "PrivateTag" : "Unknown Tag & Data");
            if (e.IsSequence)
            {
                Line(sb, indent, e.Tag.ToString().ToLowerInvariant(), "SQ", $"(Sequence #={e.Items.Count})", "u/l", 1, keyword);
                for (var i = 0; i < e.Items.Count; i++)
                {
                    Line(sb, indent + "  ", "(fffe,e000)", "na", $"(Item #={e.Items[i].Count})", "u/l", 1, "Item");
                    AppendDataset(sb, e.Items[i], depth + 2);
                    Line(sb, indent + "  ", "(fffe,e00d)", "na", "(ItemDelimitationItem)", "0", 0, "ItemDelimitationItem");
                }
                Line(sb, indent, "(fffe,e0dd)", "na", "(SequenceDelimitationItem)", "0", 0, "SequenceDelimitationItem");
                continue;
            }
            if (e.Fragments is { } f)
            {
                Line(sb, indent, e.Tag.ToString().ToLowerInvariant(), DicomVRInfo.Code(e.VR), $"(PixelSequence #={f.Fragments.Count + 1})", "u/l", 1, keyword);
                Line(sb, indent + "  ", "(fffe,e000)", "pi", Hex(f.OffsetTable.Span), f.OffsetTable.Length.ToString(CultureInfo.InvariantCulture), 1, "Item");
                foreach (var frag in f.Fragments)
                    Line(sb, indent + "  ", "(fffe,e000)", "pi", Hex(frag.Span), frag.Length.ToString(CultureInfo.InvariantCulture), 1, "Item");
                continue;
            }
            var (value, vm) = Render(ds, e);
            Line(sb, indent, e.Tag.ToString().ToLowerInvariant(), DicomVRInfo.Code(e.VR), value, e.Length.ToString(CultureInfo.InvariantCulture), vm, keyword);
        }
    }

    private static (string Value, int VM) Render(DicomDataset ds, DicomElement e)
    {
        if (e.Data.IsEmpty) return ("(no value available)", 0);
        if (DicomVRInfo.IsString(e.VR))
        {
            var values = ds.GetStrings(e.Tag);
            return ("[" + Abbreviate(string.Join('\\', values)) + "]", Math.Max(values.Length, 1));
        }
        if (DicomVRInfo.IsBinaryNumber(e.VR) || e.VR == DicomVR.AT)
        {
            var values = ds.GetStrings(e.Tag);
            return (Abbreviate(string.Join('\\', values)), values.Length);
        }
        return (Hex(e.Data.Span), 1);
    }

    private static string Hex(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return "(no value available)";
        var n = Math.Min(data.Length, 24);
        var parts = new string[n];
        for (var i = 0; i < n; i++) parts[i] = data[i].ToString("x2", CultureInfo.InvariantCulture);
        return string.Join('\\', parts) + (data.Length > n ? "..." : "");
    }

    private static string Abbreviate(string s) => s.Length <= MaxValueChars ? s : s[..(MaxValueChars - 3)] + "...";

    private static void Line(StringBuilder sb, string indent, string tag, string vr, string value, string length, int vm, string keyword)
    {
        var left = $"{indent}{tag} {vr} {value}";
        sb.Append(left.PadRight(Math.Max(left.Length + 1, 52)));
        sb.Append(CultureInfo.InvariantCulture, $"# {length,4}, {vm} {keyword}");
        sb.AppendLine();
    }
}
