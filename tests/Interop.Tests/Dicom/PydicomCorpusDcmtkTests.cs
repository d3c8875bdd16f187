using System.Text;
using VoxDose.Dicom;

namespace VoxDose.Interop.Tests.Dicom;

/// <summary>
/// Interop (DCMTK dcm2json, dcmodify, dciodvfy): every file of pydicom's corpus is read by our reader and its DICOM
/// JSON compared with DCMTK's element by element; every read file is rewritten as Explicit VR Little Endian and
/// compared again, with DCMTK and with dciodvfy.
/// </summary>
[Trait("Category", "Interop")]
public class PydicomCorpusDcmtkTests : IClassFixture<CorpusFixture>
{
    /// <summary>
    /// For encapsulated files DCMTK's JSON comes from a copy without Pixel Data (dcm2json 3.6.7 cannot write compressed
    /// pixel data); dcmodify also drops the trailing Data Set Trailing Padding (FFFC,FFFC) when it saves that copy.
    /// </summary>
    private static readonly HashSet<string> EncapsulatedIgnored = ["7FE00010", "FFFCFFFC"];
    private readonly CorpusFixture _corpus;

    public PydicomCorpusDcmtkTests(CorpusFixture corpus) => _corpus = corpus;

    private IEnumerable<CorpusEntry> Readable => _corpus.Entries.Values.Where(e => e.File is not null).OrderBy(e => e.Name, StringComparer.Ordinal);

    [Fact]
    public void Corpus_is_where_the_tests_expect_it_and_nonempty() => Assert.True(_corpus.Entries.Count > 100, $"only {_corpus.Entries.Count} files");

    [Fact]
    public void Files_that_are_not_DICOM_are_refused_with_a_clear_error()
    {
        foreach (var (name, reason) in PydicomCorpus.NotDicom)
        {
            var e = _corpus.Entries[name];
            Assert.True(e.ReadError is not null, $"{name} ({reason}) was accepted as DICOM");
            Assert.Contains("Not a DICOM file", e.ReadError!.Message, StringComparison.Ordinal);
            Assert.True(e.Dcm2Json!.ExitCode != 0, $"{name}: DCMTK read it, so it is not 'not DICOM'");
        }
    }

    [Fact]
    public void Broken_files_fail_with_an_error_naming_the_problem_in_ours_and_in_DCMTK()
    {
        foreach (var (name, reason) in PydicomCorpus.Broken)
        {
            var e = _corpus.Entries[name];
            Assert.True(e.ReadError is not null, $"{name} is listed as broken ({reason}) but we read it");
            Assert.Matches(@"\([0-9A-F]{4},[0-9A-F]{4}\)|Not a DICOM file", e.ReadError!.Message);
            Assert.True(e.Dcm2Json!.ExitCode != 0, $"{name}: DCMTK reads it, so the 'broken' reason ({reason}) is wrong");
        }
    }

    [Fact]
    public void Every_other_file_parses()
    {
        var failures = _corpus.Entries.Values
            .Where(e => e.File is null && !PydicomCorpus.NotDicom.ContainsKey(e.Name) && !PydicomCorpus.Broken.ContainsKey(e.Name))
            .Select(e => $"{e.Name}: {e.ReadError?.Message}").ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Files_DCMTK_cannot_read_are_read_by_us_and_still_refused_by_DCMTK()
    {
        foreach (var (name, reason) in PydicomCorpus.DcmtkCannotRead)
        {
            var e = _corpus.Entries[name];
            Assert.True(e.File is not null, $"{name}: {e.ReadError?.Message}");
            Assert.True(e.Dcm2Json!.ExitCode != 0, $"{name}: DCMTK now reads it; '{reason}' no longer holds, compare it instead");
        }
    }

    [Fact]
    public void Our_json_equals_dcm2json_element_by_element()
    {
        var report = new StringBuilder();
        var compared = 0;
        foreach (var e in Readable.Where(x => !PydicomCorpus.DcmtkCannotRead.ContainsKey(x.Name)))
        {
            if (e.Dcm2Json!.ExitCode != 0) { report.AppendLine($"{e.Name}: dcm2json failed: {e.Dcm2Json.StdErr}"); continue; }
            var diffs = DicomJsonComparer.Compare(CorpusFixture.Parse(e.Dcm2Json.StdOut), CorpusFixture.Parse(e.OurJson!), e.Encapsulated ? EncapsulatedIgnored : null);
            compared++;
            if (diffs.Count > 0) report.AppendLine($"{e.Name}:\n  " + string.Join("\n  ", diffs.Take(10)));
        }
        Assert.True(report.Length == 0, report.ToString());
        Assert.True(compared > 100, $"only {compared} files compared");
    }

    [Fact]
    public void Rewritten_files_are_deterministic_and_reread_identically_with_our_reader()
    {
        var report = new StringBuilder();
        foreach (var e in Readable)
        {
            if (e.RewriteError is not null) { report.AppendLine($"{e.Name}: cannot rewrite: {e.RewriteError.Message}"); continue; }
            if (!e.RewriteDeterministic) report.AppendLine($"{e.Name}: two writes differ");
            var diffs = DicomJsonComparer.Compare(CorpusFixture.Parse(e.OurJson!), CorpusFixture.Parse(e.RewrittenOurJson!));
            if (diffs.Count > 0) report.AppendLine($"{e.Name}:\n  " + string.Join("\n  ", diffs.Take(10)));
        }
        Assert.True(report.Length == 0, report.ToString());
    }

    [Fact]
    public void Rewritten_files_give_the_same_dcm2json_as_the_originals()
    {
        var report = new StringBuilder();
        foreach (var e in Readable.Where(x => x.RewrittenDcm2Json is not null && x.Dcm2Json!.ExitCode == 0))
        {
            if (e.RewrittenDcm2Json!.ExitCode != 0) { report.AppendLine($"{e.Name}: DCMTK cannot read our rewrite: {e.RewrittenDcm2Json.StdErr}"); continue; }
            var diffs = DicomJsonComparer.Compare(CorpusFixture.Parse(e.Dcm2Json!.StdOut), CorpusFixture.Parse(e.RewrittenDcm2Json.StdOut), e.Encapsulated ? EncapsulatedIgnored : null);
            if (diffs.Count > 0) report.AppendLine($"{e.Name}:\n  " + string.Join("\n  ", diffs.Take(10)));
        }
        Assert.True(report.Length == 0, report.ToString());
    }

    [Fact]
    public void Rewritten_files_have_no_dciodvfy_error_the_original_did_not_have()
    {
        var report = new StringBuilder();
        var checkedFiles = 0;
        var skipped = new List<string>();
        foreach (var e in Readable.Where(x => x.RewrittenDciodvfy is not null))
        {
            var before = ErrorLines(e.Dciodvfy!);
            // dciodvfy cannot read some originals (deflate; a UN sequence in implicit VR that it takes for garbage):
            // it then stops early and reports no content errors, so there is nothing to compare with.
            if (before.Contains("Error - Dicom dataset read failed")
                || before.Contains("Error - Tags out of order - trailing garbage, wrong transfer syntax, or not valid DICOM"))
            {
                skipped.Add(e.Name);
                continue;
            }
            checkedFiles++;
            var added = ErrorLines(e.RewrittenDciodvfy!).Except(before).ToList();
            if (added.Count > 0) report.AppendLine($"{e.Name}:\n  " + string.Join("\n  ", added.Take(10)));
        }
        Assert.True(report.Length == 0, report.ToString());
        Assert.True(checkedFiles > 100, $"only {checkedFiles} files checked by dciodvfy; unreadable originals: {string.Join(", ", skipped)}");
        Assert.True(skipped.Count <= 5, "dciodvfy could not read these originals: " + string.Join(", ", skipped));
    }

    private static HashSet<string> ErrorLines(VoxDose.Tests.Shared.ToolResult r) =>
        (r.StdOut + "\n" + r.StdErr).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToHashSet();
}
