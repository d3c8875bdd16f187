using System.Text;
using System.Text.Json.Nodes;
using VoxDose.Dicom;
using VoxDose.Dicom.Json;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Dicom;

/// <summary>
/// Interop (DCMTK dcm2json, pydicom): pydicom's character set files (charset_files beside test_files), decoded by
/// our reader, against dcm2json where DCMTK's iconv supports the character set, and against pydicom's decoding
/// for every file (which also covers the ISO 2022 Japanese files DCMTK refuses).
/// </summary>
[Trait("Category", "Interop")]
public class CharsetFilesTests
{
    private static readonly string Root = Path.Combine(Path.GetDirectoryName(TestPaths.PydicomTestFiles)!, "charset_files");

    /// <summary>Files DCMTK cannot decode here, with the reason (checked: dcm2json must still fail or mis-decode).</summary>
    private static readonly Dictionary<string, string> DcmtkCannotDecode = new(StringComparer.Ordinal)
    {
        ["chrH31.dcm"] = "ISO 2022 IR 87: iconv refuses it",
        ["chrH32.dcm"] = "ISO 2022 IR 87: iconv refuses it",
        ["chrJapMulti.dcm"] = "ISO 2022 IR 87: iconv refuses it",
        ["chrJapMultiExplicitIR6.dcm"] = "ISO 2022 IR 87: iconv refuses it",
        ["chrSQEncoding1.dcm"] = "ISO 2022 IR 87: iconv refuses it",
        ["chrSQEncoding.dcm"] = "the item's own Specific Character Set (ISO 2022 IR 13\\ISO 2022 IR 87) is not applied: dcm2json prints raw escape sequences",
    };

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Root, "*.dcm").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [Fact]
    public void Json_equals_dcm2json_where_DCMTK_can_decode()
    {
        var report = new StringBuilder();
        var compared = 0;
        foreach (var name in Files())
        {
            var path = Path.Combine(Root, name);
            var ours = DicomJsonWriter.ToJson(DicomFile.Open(path).Dataset);
            var dcmtk = ExternalTool.Run("dcm2json", "-fc", path);
            if (DcmtkCannotDecode.TryGetValue(name, out var reason))
            {
                var stillFails = dcmtk.ExitCode != 0 || dcmtk.StdOut.Contains('\u001b', StringComparison.Ordinal) || dcmtk.StdOut.Contains("\\u001b", StringComparison.Ordinal);
                Assert.True(stillFails, $"{name}: DCMTK now decodes it ('{reason}' no longer holds); compare it instead");
                continue;
            }
            dcmtk.EnsureSuccess();
            compared++;
            var diffs = DicomJsonComparer.Compare(JsonNode.Parse(dcmtk.StdOut), JsonNode.Parse(ours));
            if (diffs.Count > 0) report.AppendLine($"{name}:\n  " + string.Join("\n  ", diffs.Take(10)));
        }
        Assert.True(report.Length == 0, report.ToString());
        Assert.True(compared >= 10, $"only {compared} files compared");
    }

    [Fact]
    public void Text_values_equal_pydicom_decoding_for_every_file()
    {
        const string script = """
            import json, sys, pydicom
            TEXT = {"PN", "LO", "SH", "ST", "LT", "UT", "UC"}
            def walk(ds, prefix, out):
                for elem in ds:
                    key = prefix + "%08X" % elem.tag
                    if elem.VR == "SQ":
                        for i, item in enumerate(elem.value):
                            walk(item, key + "[%d]/" % i, out)
                    elif elem.VR in TEXT and elem.value is not None and elem.value != "":
                        v = elem.value
                        out[key] = "\\".join(str(x) for x in v) if isinstance(v, (list, pydicom.multival.MultiValue)) else str(v)
            result = {}
            for path in sys.argv[1:]:
                out = {}
                walk(pydicom.dcmread(path), "", out)
                result[path.rsplit("/", 1)[-1]] = out
            print(json.dumps(result, ensure_ascii=True))
            """;
        var scriptPath = Path.Combine(TestPaths.NewTempDirectory(), "decode.py");
        File.WriteAllText(scriptPath, script);
        var files = Files().Select(f => Path.Combine(Root, f)).ToList();
        var py = ExternalTool.Run("/usr/bin/python3", new[] { scriptPath }.Concat(files)).EnsureSuccess();
        var expected = JsonNode.Parse(py.StdOut)!.AsObject();
        var report = new StringBuilder();
        var values = 0;
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var ours = new Dictionary<string, string>(StringComparer.Ordinal);
            Collect(DicomFile.Open(path).Dataset, "", ours);
            foreach (var (key, value) in expected[name]!.AsObject())
            {
                values++;
                var want = (string)value!;
                // Elements we read as UN are private tags pydicom types from its own private dictionary; DCMTK's
                // comparison above covers them.
                if (!ours.TryGetValue(key, out var got)) { values--; continue; }
                if (Normalize(got) != Normalize(want)) report.AppendLine($"{name} {key}: '{got}' vs pydicom '{want}'");
            }
        }
        Assert.True(report.Length == 0, report.ToString());
        Assert.True(values > 50, $"only {values} values compared");
    }

    [Fact]
    public void Rewritten_files_keep_their_character_set_and_text()
    {
        var report = new StringBuilder();
        var dir = TestPaths.NewTempDirectory("voxdose-charset");
        foreach (var name in Files())
        {
            var path = Path.Combine(Root, name);
            var original = DicomFile.Open(path);
            var rewritten = Path.Combine(dir, name);
            new DicomFile(original.Meta, original.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(rewritten);
            var before = new Dictionary<string, string>(StringComparer.Ordinal);
            var after = new Dictionary<string, string>(StringComparer.Ordinal);
            Collect(original.Dataset, "", before);
            Collect(DicomFile.Open(rewritten).Dataset, "", after);
            foreach (var (key, value) in before)
                if (!after.TryGetValue(key, out var got) || got != value) report.AppendLine($"{name} {key}: '{value}' became '{got}'");
            Assert.Equal(original.Dataset.GetString(DicomTag.SpecificCharacterSet), DicomFile.Open(rewritten).Dataset.GetString(DicomTag.SpecificCharacterSet));
            if (DcmtkCannotDecode.ContainsKey(name)) continue;
            var diffs = DicomJsonComparer.Compare(
                JsonNode.Parse(ExternalTool.Run("dcm2json", "-fc", path).EnsureSuccess().StdOut),
                JsonNode.Parse(ExternalTool.Run("dcm2json", "-fc", rewritten).EnsureSuccess().StdOut));
            if (diffs.Count > 0) report.AppendLine($"{name} (dcm2json):\n  " + string.Join("\n  ", diffs.Take(10)));
        }
        Directory.Delete(dir, recursive: true);
        Assert.True(report.Length == 0, report.ToString());
    }

    /// <summary>Trailing padding and trailing empty PN component groups ('=') are not significant.</summary>
    private static string Normalize(string value) => string.Join('\\', value.Split('\\').Select(v => v.TrimEnd(' ').TrimEnd('=')));

    private static void Collect(DicomDataset ds, string prefix, Dictionary<string, string> into)
    {
        foreach (var e in ds)
        {
            var key = prefix + e.Tag.ToHexString();
            if (e.IsSequence)
            {
                for (var i = 0; i < e.Items.Count; i++) Collect(e.Items[i], $"{key}[{i}]/", into);
            }
            else if (e.VR is DicomVR.PN or DicomVR.LO or DicomVR.SH or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC)
            {
                into[key] = ds.GetString(e.Tag) ?? "";
            }
        }
    }
}
