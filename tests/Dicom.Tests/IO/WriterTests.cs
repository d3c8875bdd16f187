using System.Buffers.Binary;

namespace VoxDose.Dicom.Tests.IO;

public class WriterTests
{
    private static DicomDataset Minimal()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, "1.2.3.45");
        return ds;
    }

    [Fact]
    public void Padding_is_NUL_for_UI_space_for_strings_and_zero_for_OB()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, "1.2.3");
        ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, "ABC");
        ds.AddOrUpdate(new DicomTag(0x0009, 0x1001), DicomVR.OB, new byte[] { 7, 7, 7 });
        var bytes = DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        // (0008,0018) UI at 0, (0009,1001) OB at 14 (12-byte header), (0010,0020) LO at 30.
        Assert.Equal(6, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)));
        Assert.Equal("1.2.3\0"u8.ToArray(), bytes[8..14]);
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(22)));
        Assert.Equal(new byte[] { 7, 7, 7, 0 }, bytes[26..30]);
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(36)));
        Assert.Equal("ABC "u8.ToArray(), bytes[38..42]);
        Assert.Equal(42, bytes.Length);
    }

    [Fact]
    public void Meta_group_is_built_from_the_dataset()
    {
        using var ms = new MemoryStream();
        DicomFile.Create(Minimal()).Save(ms);
        var bytes = ms.ToArray();
        Assert.All(bytes[..128], b => Assert.Equal(0, b));
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        ms.Position = 0;
        var file = DicomFile.Read(ms);
        var meta = file.Meta;
        Assert.Equal(new byte[] { 0, 1 }, meta.GetBytes(DicomTag.FileMetaInformationVersion).ToArray());
        Assert.Equal(DicomUids.PETImageStorage, meta.GetString(DicomTag.MediaStorageSOPClassUID));
        Assert.Equal("1.2.3.45", meta.GetString(DicomTag.MediaStorageSOPInstanceUID));
        Assert.Equal(DicomUids.ExplicitVRLittleEndian, meta.GetString(DicomTag.TransferSyntaxUID));
        Assert.Equal(DicomUids.ImplementationClassUid, meta.GetString(DicomTag.ImplementationClassUID));
        Assert.Equal("VOXDOSE_010", meta.GetString(DicomTag.ImplementationVersionName));
        // Group length = bytes of the meta elements after it.
        var groupLength = meta.GetInt(DicomTag.FileMetaInformationGroupLength);
        var datasetStart = 132 + 12 + groupLength;
        Assert.Equal(0x0008, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(datasetStart)));
        Assert.StartsWith("2.25.", DicomUids.ImplementationClassUid);
    }

    [Fact]
    public void Missing_SOP_instance_is_a_clear_error()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.PETImageStorage);
        var ex = Assert.Throws<DicomDataException>(() => DicomFile.Create(ds).Save(new MemoryStream()));
        Assert.Contains("(0008,0018)", ex.Message);
    }

    [Fact]
    public void Same_dataset_twice_gives_identical_bytes_in_every_encoding()
    {
        var ds = Minimal();
        ds.AddOrUpdateSequence(DicomTag.ReferencedSeriesSequence,
            new DicomDataset().AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, "1.2.3.4.5"));
        foreach (var ts in new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian,
                     DicomTransferSyntax.ExplicitVRBigEndian, DicomTransferSyntax.DeflatedExplicitVRLittleEndian })
        {
            using var a = new MemoryStream();
            using var b = new MemoryStream();
            DicomFile.Create(ds, ts).Save(a);
            DicomFile.Create(ds.Clone(), ts).Save(b);
            Assert.Equal(a.ToArray(), b.ToArray());
            a.Position = 0;
            var back = DicomFile.Read(a);
            Assert.Equal("1.2.3.4.5", back.Dataset.GetSequence(DicomTag.ReferencedSeriesSequence)[0].GetString(DicomTag.SeriesInstanceUID));
        }
    }

    [Fact]
    public void Implicit_VR_command_set_gets_its_group_length()
    {
        var cmd = new DicomDataset();
        cmd.AddOrUpdate(DicomTag.AffectedSOPClassUID, DicomVR.UI, DicomUids.Verification);
        cmd.AddOrUpdate(DicomTag.CommandField, DicomVR.US, 0x0030);
        cmd.AddOrUpdate(DicomTag.MessageID, DicomVR.US, 1);
        cmd.AddOrUpdate(DicomTag.CommandDataSetType, DicomVR.US, 0x0101);
        var bytes = DicomDatasetWriter.ToBytes(cmd, DicomTransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((uint)(bytes.Length - 12), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        var back = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(bytes.Length - 12, back.GetInt(DicomTag.CommandGroupLength));
        Assert.Equal(0x30, back.GetInt(DicomTag.CommandField));
        Assert.Equal(DicomUids.Verification, back.GetString(DicomTag.AffectedSOPClassUID));
    }

    [Fact]
    public void Retired_group_lengths_are_dropped()
    {
        var ds = new DicomDataset().AddOrUpdate(new DicomTag(0x0010, 0x0000), DicomVR.UL, 999).AddOrUpdate(DicomTag.PatientID, DicomVR.LO, "AB");
        var back = DicomDatasetReader.Read(DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.False(back.Contains(new DicomTag(0x0010, 0x0000)));
    }

    [Fact]
    public void Save_to_a_path_replaces_the_file_atomically()
    {
        var dir = VoxDose.Tests.Shared.TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "a.dcm");
        DicomFile.Create(Minimal()).Save(path);
        DicomFile.Create(Minimal().AddOrUpdate(DicomTag.PatientID, DicomVR.LO, "P2")).Save(path);
        Assert.Equal("P2", DicomFile.Open(path).Dataset.GetString(DicomTag.PatientID));
        Assert.Single(Directory.GetFiles(dir));
        Directory.Delete(dir, true);
    }
}
