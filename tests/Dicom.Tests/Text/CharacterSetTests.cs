using System.Text;

namespace VoxDose.Dicom.Tests.Text;

public class CharacterSetTests
{
    [Fact]
    public void Latin1_values_are_decoded_and_kept_as_bytes_on_write()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Müller^Zoë");
        Assert.Equal(Encoding.Latin1.GetBytes("Müller^Zoë"), ds.GetBytes(DicomTag.PatientName).ToArray());
        var back = DicomDatasetReader.Read(DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("Müller^Zoë", back.GetString(DicomTag.PatientName));
    }

    [Fact]
    public void Utf8_values_round_trip()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "山田^太郎");
        Assert.Equal(Encoding.UTF8.GetBytes("山田^太郎"), ds.GetBytes(DicomTag.PatientName).ToArray());
        Assert.Equal("山田^太郎", ds.GetString(DicomTag.PatientName));
    }

    [Fact]
    public void Items_inherit_the_character_set_of_their_parent()
    {
        var item = new DicomDataset();
        var ds = new DicomDataset().AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdateSequence(DicomTag.OtherPatientIDsSequence, item);
        item.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Çelik");
        Assert.Equal(Encoding.UTF8.GetBytes("Çelik"), item.GetBytes(DicomTag.PatientName).ToArray());
    }

    [Fact]
    public void Characters_outside_the_character_set_are_refused_naming_the_tag()
    {
        var ds = new DicomDataset();
        var ex = Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Müller"));
        Assert.Contains("(0010,0010)", ex.Message);
        Assert.Contains("ISO_IR 192", ex.Message);
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "山田"));
        Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.Modality, DicomVR.CS, "PÉT"));
    }

    [Fact]
    public void Other_single_byte_sets_decode_through_code_pages()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 144");
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, new byte[] { 0xBB, 0xEE, 0xDA, 0xE1 });
        Assert.Equal("Люкс", ds.GetString(DicomTag.PatientName));
    }

    [Fact]
    public void Iso_2022_japanese_escape_sequences_are_decoded()
    {
        // chrH31: Yamada^Tarou=<ESC $ B>;3ED<ESC ( B>^<ESC $ B>B@O:<ESC ( B>=...
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "", "ISO 2022 IR 87");
        var value = Encoding.ASCII.GetBytes("Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B");
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, value);
        Assert.Equal("Yamada^Tarou=山田^太郎", ds.GetString(DicomTag.PatientName));
    }

    [Fact]
    public void Unknown_character_sets_warn_and_keep_bytes()
    {
        var cs = VoxDose.Dicom.Text.DicomCharacterSet.FromTerms(["ISO_IR 999"]);
        Assert.NotNull(cs.Warning);
        Assert.Equal("é", cs.Decode([0xE9], DicomVR.LO));
    }
}
