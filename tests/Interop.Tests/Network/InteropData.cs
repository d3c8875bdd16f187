using VoxDose.Dicom;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Network;

/// <summary>Test files for the network interop tests: synthetic PET/CT and a few files of pydicom's corpus.</summary>
internal static class InteropData
{
    /// <summary>Uncompressed pydicom corpus files that every peer stores unchanged.</summary>
    public static readonly string[] CorpusFiles = ["CT_small.dcm", "MR_small.dcm", "rtstruct.dcm", "rtdose.dcm"];

    /// <summary>A folder with synthetic PET (explicit and implicit VR, in a sub-folder) and corpus files; returns it and the files.</summary>
    public static (string Directory, IReadOnlyList<string> Files) CreateMixedFolder(int petCount = 6)
    {
        var dir = TestPaths.NewTempDirectory("voxdose-net-data");
        var files = new List<string>();
        files.AddRange(SyntheticDicom.WritePetSeries(dir, petCount, rows: 48, columns: 48));
        files.AddRange(SyntheticDicom.WritePetSeries(Path.Combine(dir, "implicit"), 2, transferSyntax: DicomTransferSyntax.ImplicitVRLittleEndian, prefix: "imp"));
        var ct = SyntheticDicom.PetImage(0, 40, 40, modality: "CT");
        var ctPath = Path.Combine(dir, "ct.dcm");
        DicomFile.Create(ct).Save(ctPath);
        files.Add(ctPath);
        foreach (var name in CorpusFiles)
        {
            var target = Path.Combine(dir, "corpus", name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TestPaths.PydicomTestFiles, name), target);
            files.Add(target);
        }
        return (dir, files);
    }

    /// <summary>The SOP Instance UID of a file, read with our reader.</summary>
    public static string SopInstanceUid(string path) =>
        DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true }).Dataset.GetString(DicomTag.SOPInstanceUID)!.Trim();

    /// <summary>Asserts each sent file has a stored counterpart (found by SOP Instance UID) equal element by element.</summary>
    public static void AssertAllStored(IEnumerable<string> sent, IEnumerable<string> storedFiles)
    {
        var stored = storedFiles.ToDictionary(SopInstanceUid, StringComparer.Ordinal);
        foreach (var file in sent)
        {
            var uid = SopInstanceUid(file);
            Assert.True(stored.TryGetValue(uid, out var match), $"{file} ({uid}) was not stored");
            DatasetComparer.AssertSameFile(file, match);
        }
    }
}
