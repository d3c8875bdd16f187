using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using VoxDose.Dicom;
using VoxDose.Dicom.Json;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Dicom;

/// <summary>What the corpus tests know about one file: our reading, our JSON, DCMTK's JSON, and the same after our rewrite.</summary>
internal sealed class CorpusEntry
{
    public required string Name { get; init; }
    public DicomFile? File { get; set; }
    public Exception? ReadError { get; set; }
    public string? OurJson { get; set; }
    public bool Encapsulated { get; set; }
    public bool BareDataset { get; set; }
    public ToolResult? Dcm2Json { get; set; }
    public byte[]? Rewritten { get; set; }
    public bool RewriteDeterministic { get; set; }
    public Exception? RewriteError { get; set; }
    public string? RewrittenOurJson { get; set; }
    public ToolResult? RewrittenDcm2Json { get; set; }
    public ToolResult? Dciodvfy { get; set; }
    public ToolResult? RewrittenDciodvfy { get; set; }
}

/// <summary>
/// Runs every external tool once for the whole corpus, in parallel (dcm2json, dcmodify, dciodvfy), so the tests
/// that compare against DCMTK share the work and the suite stays fast.
/// dcm2json 3.6.7 options, checked for a fair comparison: it always writes binary values as InlineBinary (it has no
/// BulkDataURI mode), prints every value in full (no --print-all truncation as in dcmdump), omits group lengths and
/// the meta group (unless +m), converts text to UTF-8 and reports the top-level (0008,0005) as ISO_IR 192; "-fc"
/// only removes whitespace. Our JSON writer follows the same model, so the documents compare element by element.
/// </summary>
public sealed class CorpusFixture : IDisposable
{
    private readonly string _temp = TestPaths.NewTempDirectory("voxdose-corpus");

    internal IReadOnlyDictionary<string, CorpusEntry> Entries { get; }

    public CorpusFixture()
    {
        ExternalTool.Require("dcm2json");
        ExternalTool.Require("dcmodify");
        ExternalTool.Require("dciodvfy");
        var entries = new ConcurrentDictionary<string, CorpusEntry>(StringComparer.Ordinal);
        var names = PydicomCorpus.AllFiles();
        Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) }, name =>
            entries[name] = Build(name));
        Entries = entries;
    }

    private CorpusEntry Build(string name)
    {
        var entry = new CorpusEntry { Name = name };
        var path = PydicomCorpus.PathOf(name);
        try
        {
            entry.File = DicomFile.Open(path);
        }
        catch (DicomDataException ex)
        {
            entry.ReadError = ex;
        }
        if (PydicomCorpus.NotDicom.ContainsKey(name) || PydicomCorpus.Broken.ContainsKey(name) || PydicomCorpus.DcmtkCannotRead.ContainsKey(name))
            entry.Dcm2Json = ExternalTool.Run("dcm2json", "-fc", path);
        if (entry.File is null) return entry;

        entry.OurJson = DicomJsonWriter.ToJson(entry.File.Dataset);
        entry.Encapsulated = entry.File.Dataset.Find(DicomTag.PixelData)?.IsEncapsulated == true;
        if (!PydicomCorpus.DcmtkCannotRead.ContainsKey(name)) entry.Dcm2Json = Dcm2Json(path, entry.Encapsulated);
        entry.Dciodvfy = ExternalTool.Run("dciodvfy", path);

        try
        {
            var ts = entry.File.TransferSyntax.IsEncapsulated ? entry.File.TransferSyntax : DicomTransferSyntax.ExplicitVRLittleEndian;
            var rewrittenPath = Path.Combine(_temp, Safe(name) + ".rewritten.dcm");
            // Files with no SOP Class/Instance UID anywhere cannot get a valid meta group: they are written as a
            // bare Explicit VR Little Endian data set, which DCMTK reads with -f -te.
            entry.BareDataset = !HasSopIdentity(entry.File);
            byte[] first, second;
            if (entry.BareDataset)
            {
                first = DicomDatasetWriter.ToBytes(entry.File.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
                second = DicomDatasetWriter.ToBytes(entry.File.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
                entry.RewrittenOurJson = DicomJsonWriter.ToJson(DicomDatasetReader.Read(first, DicomTransferSyntax.ExplicitVRLittleEndian));
            }
            else
            {
                var copy = new DicomFile(entry.File.Meta, entry.File.Dataset, ts);
                using var a = new MemoryStream();
                copy.Save(a);
                using var b = new MemoryStream();
                copy.Save(b);
                first = a.ToArray();
                second = b.ToArray();
                File.WriteAllBytes(rewrittenPath, first);
                entry.RewrittenOurJson = DicomJsonWriter.ToJson(DicomFile.Open(rewrittenPath).Dataset);
            }
            File.WriteAllBytes(rewrittenPath, first);
            entry.Rewritten = first;
            entry.RewriteDeterministic = first.AsSpan().SequenceEqual(second);
            if (!PydicomCorpus.DcmtkCannotRead.ContainsKey(name))
                entry.RewrittenDcm2Json = entry.BareDataset ? ExternalTool.Run("dcm2json", "-fc", "-f", "-te", rewrittenPath) : Dcm2Json(rewrittenPath, entry.Encapsulated);
            entry.RewrittenDciodvfy = ExternalTool.Run("dciodvfy", rewrittenPath);
        }
        catch (DicomDataException ex)
        {
            entry.RewriteError = ex;
        }
        return entry;
    }

    /// <summary>
    /// dcm2json of a file. DCMTK 3.6.7 refuses to write compressed pixel data as InlineBinary ("not supported"), so
    /// for encapsulated files it runs on a copy whose Pixel Data DCMTK's own dcmodify removed.
    /// </summary>
    private ToolResult Dcm2Json(string path, bool encapsulated)
    {
        if (!encapsulated) return ExternalTool.Run("dcm2json", "-fc", path);
        var copy = Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".nopixels.dcm");
        File.Copy(path, copy);
        ExternalTool.Run("dcmodify", "-nb", "-q", "-ea", "(7fe0,0010)", copy).EnsureSuccess();
        return ExternalTool.Run("dcm2json", "-fc", copy);
    }

    private static bool HasSopIdentity(DicomFile f) =>
        !string.IsNullOrEmpty(f.Dataset.GetString(DicomTag.SOPClassUID) ?? f.Meta.GetString(DicomTag.MediaStorageSOPClassUID))
        && !string.IsNullOrEmpty(f.Dataset.GetString(DicomTag.SOPInstanceUID) ?? f.Meta.GetString(DicomTag.MediaStorageSOPInstanceUID));

    private static string Safe(string name) => name.Replace('/', '_');

    internal static JsonNode? Parse(string json) => JsonNode.Parse(json);

    public void Dispose()
    {
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }
}
