using VoxDose.Dicom;
using VoxDose.Dosimetry.Decay;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Ingest;

namespace VoxDose.StoreScp.Tests.Assembly;

public class ObjectClassifierTests
{
    private static InstanceHeader Pet(string? code, double? halfLifeS, string? description) =>
        new("1.2", "1.2.3", "1.2.3.4", DicomUids.PETImageStorage, "PT", null, null, code, halfLifeS, description);

    [Theory]
    [InlineData("14691008", null, null, "code 14691008")]
    [InlineData("C-162A7", null, null, "code C-162A7")]
    [InlineData("C-111A1", 230400.0, null, "half-life")] // F-18 code left in place by the scanner, Y-90 half-life
    [InlineData(null, 6586.2, "Y-90 SIRspheres", "radiopharmaceutical")]
    public void Y90_is_recognised_and_the_reason_says_how(string? code, double? halfLifeS, string? description, string how)
    {
        var (role, reason) = ObjectClassifier.Classify(Pet(code, halfLifeS, description));
        Assert.Equal(SeriesRole.Y90Pet, role);
        Assert.Contains(how, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void F18_pet_is_ignored()
    {
        var (role, reason) = ObjectClassifier.Classify(Pet("C-111A1", 6586.2, "FDG"));
        Assert.Equal(SeriesRole.Ignored, role);
        Assert.Contains("not Y-90", reason, StringComparison.Ordinal);
    }

    /// <summary>Regression (issue 12): a Tc-99m MAA SPECT study ended Ignored ("no Y-90 PET"); it now drives a plan. Planar views and other nuclides stay ignored, with the reason.</summary>
    [Fact]
    public void An_maa_spect_is_kept_for_the_plan_not_ignored_and_planar_or_other_nm_is_ignored_with_its_reason()
    {
        var counts = new VoxDose.Dosimetry.Volumes.Volume(4, 4, 3, new VoxDose.Dosimetry.Volumes.Vec3(4.42, 4.42, 4.42), default, frameOfReferenceUid: "1.2.840.99.1");
        var spect = VoxDose.Dosimetry.Nm.NmSpectWriter.ToDataset(counts, "1.2.840.99.2", "1.2.840.99.3", "P1");
        var (role, reason) = ObjectClassifier.Classify(InstanceHeaderReader.Read(spect).Header!);
        Assert.Equal(SeriesRole.MaaSpect, role);
        Assert.Contains("Tc-99m", reason, StringComparison.Ordinal);

        var planar = spect.Clone();
        planar.AddOrUpdate(DicomTag.ImageType, DicomVR.CS, "ORIGINAL\\PRIMARY\\STATIC\\EMISSION");
        (role, reason) = ObjectClassifier.Classify(InstanceHeaderReader.Read(planar).Header!);
        Assert.Equal(SeriesRole.Ignored, role);
        Assert.Contains("planar", reason, StringComparison.Ordinal);

        var other = spect.Clone();
        other.Remove(DicomTag.RadiopharmaceuticalInformationSequence);
        other.Remove(DicomTag.EnergyWindowInformationSequence);
        other.AddOrUpdate(DicomTag.SeriesDescription, DicomVR.LO, "bone scan");
        (role, reason) = ObjectClassifier.Classify(InstanceHeaderReader.Read(other).Header!);
        Assert.Equal(SeriesRole.Ignored, role);
        Assert.Contains("not Tc-99m", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ct_and_rtstruct_are_kept()
    {
        Assert.Equal(SeriesRole.Ct, ObjectClassifier.Classify(new("1.2", "1.3", "1.4", DicomUids.CTImageStorage, "CT")).Role);
        Assert.Equal(SeriesRole.RtStruct, ObjectClassifier.Classify(new("1.2", "1.3", "1.4", DicomUids.RTStructureSetStorage, "RTSTRUCT")).Role);
        Assert.Equal(SeriesRole.Ignored, ObjectClassifier.Classify(new("1.2", "1.3", "1.4", DicomUids.RTDoseStorage, "RTDOSE")).Role);
    }

    private static DicomDataset PetDataset(string? codeValue, string? codeMeaning, double? halfLifeS, string? radiopharmaceutical, string? seriesDescription)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, "1.2.3.4.5");
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, "1.2.3");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, "1.2.3.4");
        ds.AddOrUpdate(DicomTag.Modality, "PT");
        if (seriesDescription is not null) ds.AddOrUpdate(DicomTag.SeriesDescription, seriesDescription);
        var item = new DicomDataset();
        if (halfLifeS is { } h) item.AddOrUpdate(DicomTag.RadionuclideHalfLife, h);
        if (radiopharmaceutical is not null) item.AddOrUpdate(DicomTag.Radiopharmaceutical, radiopharmaceutical);
        if (codeValue is not null)
        {
            var code = new DicomDataset();
            code.AddOrUpdate(DicomTag.CodeValue, codeValue);
            code.AddOrUpdate(DicomTag.CodingSchemeDesignator, "SCT");
            code.AddOrUpdate(DicomTag.CodeMeaning, codeMeaning ?? "");
            item.AddOrUpdateSequence(DicomTag.RadionuclideCodeSequence, code);
        }
        ds.AddOrUpdateSequence(DicomTag.RadiopharmaceuticalInformationSequence, item);
        return ds;
    }

    // Issue 10: Y-90 was decided twice with different rules; ingest (half-life 230 000-231 000 s, radiopharmaceutical text
    // only) ignored PETs that the engine's Y90Recognizer accepts, so they were never computed.
    [Theory]
    [InlineData("C-111A1", "Fluorine^18^", 6586.2, "FDG", "Y-90 SIR-Spheres post-treatment")] // F-18 mislabel, Y-90 only in the series description
    [InlineData(null, null, 229_500.0, null, "PET WB")] // within 0.5 % of 230 580 s, outside the old 230 000-231 000 s window
    [InlineData("C-111A1", "^90^Yttrium", 6586.2, null, null)] // Y-90 named only by the code meaning
    [InlineData(null, null, null, null, "TheraSphere bremsstrahlung-free PET")]
    public void A_pet_the_engine_accepts_is_not_ignored_at_ingest(string? code, string? meaning, double? halfLifeS, string? radiopharmaceutical, string? series)
    {
        var dataset = PetDataset(code, meaning, halfLifeS, radiopharmaceutical, series);
        Assert.True(Y90Recognizer.Recognize(RadionuclideHeaderReader.Read(dataset)).IsY90, "the engine's rule accepts this PET");
        var (header, missing) = InstanceHeaderReader.Read(dataset);
        Assert.Null(missing);
        var (role, reason) = ObjectClassifier.Classify(header!);
        Assert.Equal(SeriesRole.Y90Pet, role);
        Assert.StartsWith("Y-90 recognized by", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pet_the_engine_rejects_is_ignored_at_ingest_with_the_engine_reason()
    {
        var dataset = PetDataset("C-111A1", "Fluorine^18^", 6586.2, "FDG", "PET WB");
        Assert.False(Y90Recognizer.Recognize(RadionuclideHeaderReader.Read(dataset)).IsY90);
        var (role, reason) = ObjectClassifier.Classify(InstanceHeaderReader.Read(dataset).Header!);
        Assert.Equal(SeriesRole.Ignored, role);
        Assert.Contains("not recognized as Y-90", reason, StringComparison.Ordinal);
    }
}
