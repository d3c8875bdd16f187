using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Dicom;

/// <summary>
/// pydicom's test corpus as our tests see it: every file under test_files (subfolders included), sorted into
/// files that are not DICOM, files that are truly broken, and files DCMTK cannot read or cannot write as JSON.
/// Each entry states its reason; the tests check that the reason still holds (e.g. that DCMTK still fails).
/// </summary>
internal static class PydicomCorpus
{
    /// <summary>Files in test_files that are not DICOM at all.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotDicom = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["README.txt"] = "plain-text description of the corpus",
        ["dicomdirtests/README.txt"] = "plain-text description of the DICOMDIR test files",
        ["dicomdirtests/TINY_ALPHA/README"] = "plain-text description",
        ["rtplan.dump"] = "text dump of rtplan.dcm",
        ["rtstruct.dump"] = "text dump of rtstruct.dcm",
        ["test1.json"] = "DICOM JSON model document (JSON text, not Part 10)",
        ["test_PN.json"] = "DICOM JSON model document (JSON text, not Part 10)",
        ["zipMR.gz"] = "gzip archive (of a DICOM file)",
    };

    /// <summary>DICOM files that are truly broken: our reader refuses them with a clear error, and so does DCMTK.</summary>
    public static readonly IReadOnlyDictionary<string, string> Broken = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MR_truncated.dcm"] = "Pixel Data declares 8192 bytes but the file ends 62 bytes early",
        ["rtplan_truncated.dcm"] = "truncated inside Beam Sequence: the sequence declares more bytes than the file holds",
        ["no_meta.dcm"] = "a stray 0x20 byte precedes the first element, so every tag is misaligned (pydicom also reads garbage with force=True)",
    };

    /// <summary>Files we read but DCMTK's dcm2json cannot, so there is nothing to compare against.</summary>
    public static readonly IReadOnlyDictionary<string, string> DcmtkCannotRead = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SC_rgb_jpeg.dcm"] = "the meta group names JPEG Baseline (explicit VR) but the data set is Implicit VR Little Endian; DCMTK parses it as explicit and fails, we detect the mismatch",
        ["J2K_pixelrep_mismatch.dcm"] = "Specific Character Set 'ISO 2022 IR 87': DCMTK's iconv backend refuses it ('Cannot open character encoding')",
    };

    public static string Root => TestPaths.PydicomTestFiles;

    /// <summary>Every file, as a path relative to the corpus root with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> AllFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
