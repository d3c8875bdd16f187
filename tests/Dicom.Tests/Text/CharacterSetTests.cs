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
    public void Text_set_before_the_character_set_is_held_as_utf8_and_converted_when_declared()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Müller");
        Assert.Equal("Müller", ds.GetString(DicomTag.PatientName));
        var ex = Assert.Throws<DicomDataException>(() => DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Contains("(0008,0005)", ex.Message);
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        Assert.Equal(Encoding.Latin1.GetBytes("Müller"), ds.GetBytes(DicomTag.PatientName).ToArray());
        Assert.Equal("Müller", ds.GetString(DicomTag.PatientName));
    }

    [Fact]
    public void Items_built_before_joining_a_parent_are_converted_to_its_character_set()
    {
        var item = new DicomDataset().AddOrUpdate(DicomTag.CodeMeaning, DicomVR.LO, "Läsion");
        var root = new DicomDataset().AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        root.AddOrUpdateSequence(DicomTag.ConceptNameCodeSequence, item);
        Assert.Equal(Encoding.Latin1.GetBytes("Läsion"), item.GetBytes(DicomTag.CodeMeaning).ToArray());
        var back = DicomDatasetReader.Read(DicomDatasetWriter.ToBytes(root, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("Läsion", back.GetSequence(DicomTag.ConceptNameCodeSequence)[0].GetString(DicomTag.CodeMeaning));
    }

    [Fact]
    public void Characters_outside_the_character_set_are_refused_naming_the_tag()
    {
        var ds = new DicomDataset();
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

public class CharacterSetCopyTests
{
    [Fact]
    public void Copying_between_character_sets_converts_text_and_nested_items()
    {
        var source = new DicomDataset().AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        source.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Müller^Jürgen");
        source.AddOrUpdateSequence(DicomTag.ReferencedStudySequence, new DicomDataset().AddOrUpdate(DicomTag.StudyDescription, DicomVR.LO, "Leber/Lunge Ü"));
        var target = new DicomDataset().AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        target.CopyFrom(source, DicomTag.PatientName, DicomTag.ReferencedStudySequence, DicomTag.PatientID);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("Müller^Jürgen"), target.GetBytes(DicomTag.PatientName).ToArray());
        Assert.Equal("Müller^Jürgen", target.GetString(DicomTag.PatientName));
        Assert.Equal("Leber/Lunge Ü", target.GetSequence(DicomTag.ReferencedStudySequence)[0].GetString(DicomTag.StudyDescription));
        Assert.False(target.Contains(DicomTag.PatientID));

        var ascii = new DicomDataset();
        var ex = Assert.Throws<DicomDataException>(() => ascii.CopyFrom(source, DicomTag.PatientName));
        Assert.Contains("(0010,0010)", ex.Message);
    }
}

public class ProvisionalUtf8CloneTests
{
    [Fact]
    public void Clone_keeps_provisional_text_readable() =>
        Assert.Equal("Zoë", new DicomDataset().AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Zoë").Clone().GetString(DicomTag.PatientName));
}
