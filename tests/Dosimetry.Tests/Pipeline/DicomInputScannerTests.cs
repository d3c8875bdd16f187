using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Tests.Shared;

namespace VoxDose.Dosimetry.Tests.Pipeline;

public class DicomInputScannerTests
{
    private static void WritePetHeader(string path, string seriesUid)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate());
        ds.AddOrUpdate(DicomTag.Modality, "PT");
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, "1.2.3");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, seriesUid);
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, "1.2.3.9");
        DicomFile.Create(ds).Save(path);
    }

    [Fact]
    public void Finds_pet_series_and_rtstructs_in_nested_directories_and_skips_the_rest()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-scan");
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(dir, "a", "b")).FullName;
            WritePetHeader(Path.Combine(dir, "p1.dcm"), "1.2.3.4");
            WritePetHeader(Path.Combine(nested, "p2.dcm"), "1.2.3.4");
            WritePetHeader(Path.Combine(nested, "other.dcm"), "1.2.3.5");
            var rs = Path.Combine(nested, "rs.dcm");
            RtStructWriter.Write(new StructureSet { FrameOfReferenceUids = ["1.2.3.9"] }, rs, "1.2.3");
            File.WriteAllText(Path.Combine(dir, "readme.txt"), "not DICOM");

            var set = DicomInputScanner.Scan([dir, Path.Combine(dir, "missing")]);

            Assert.Equal(["1.2.3.4", "1.2.3.5"], set.PetSeries.Select(s => s.SeriesInstanceUid));
            Assert.Equal(2, set.PetSeries[0].Files.Count);
            Assert.Equal("1.2.3", set.PetSeries[0].StudyInstanceUid);
            Assert.Equal("1.2.3.9", set.PetSeries[0].FrameOfReferenceUid);
            Assert.Equal([rs], set.StructureSetFiles);
            Assert.Contains(set.Notes, n => n.Contains("1 file(s)", StringComparison.Ordinal));
            Assert.Contains(set.Notes, n => n.Contains("no such file", StringComparison.Ordinal));
        }
        finally { Directory.Delete(dir, true); }
    }
}
