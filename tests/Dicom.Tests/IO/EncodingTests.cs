using System.IO.Compression;

namespace VoxDose.Dicom.Tests.IO;

/// <summary>Hand-built byte streams for the encodings the reader must handle (PS3.5 7.1-7.5, A.4).</summary>
public class EncodingTests
{
    private static byte[] Bytes(params object[] parts)
    {
        var ms = new MemoryStream();
        foreach (var p in parts)
        {
            switch (p)
            {
                case byte[] b: ms.Write(b); break;
                case string s: ms.Write(System.Text.Encoding.ASCII.GetBytes(s)); break;
                case ushort u: ms.Write(BitConverter.GetBytes(u)); break;
                case uint u: ms.Write(BitConverter.GetBytes(u)); break;
                default: throw new ArgumentException(p.GetType().Name);
            }
        }
        return ms.ToArray();
    }

    private static readonly uint Undefined = 0xFFFFFFFF;

    [Fact]
    public void Undefined_length_sequences_and_items_nest()
    {
        // (0008,1115) SQ undefined { item undefined { (0008,1150) UI "1.2" ; (0008,1199) SQ undefined { item defined { (0008,0100) SH "AB" } } } }
        var inner = Bytes((ushort)0x0008, (ushort)0x0100, "SH", (ushort)2, "AB");
        var bytes = Bytes(
            (ushort)0x0008, (ushort)0x1115, "SQ", (ushort)0, Undefined,
            (ushort)0xFFFE, (ushort)0xE000, Undefined,
            (ushort)0x0008, (ushort)0x1150, "UI", (ushort)4, "1.2\0",
            (ushort)0x0008, (ushort)0x1199, "SQ", (ushort)0, Undefined,
            (ushort)0xFFFE, (ushort)0xE000, (uint)inner.Length, inner,
            (ushort)0xFFFE, (ushort)0xE0DD, 0u,
            (ushort)0xFFFE, (ushort)0xE00D, 0u,
            (ushort)0xFFFE, (ushort)0xE0DD, 0u,
            (ushort)0x0010, (ushort)0x0020, "LO", (ushort)2, "ID");
        var ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        var series = ds.GetSequence(DicomTag.ReferencedSeriesSequence);
        Assert.Single(series);
        Assert.Equal("1.2", series[0].GetString(DicomTag.ReferencedSOPClassUID));
        Assert.Equal("AB", series[0].GetSequence(DicomTag.ReferencedSOPSequence)[0].GetString(DicomTag.CodeValue));
        Assert.Equal("ID", ds.GetString(DicomTag.PatientID));
        Assert.Same(ds, series[0].Parent);
    }

    [Fact]
    public void UN_with_undefined_length_is_read_as_an_implicit_VR_sequence()
    {
        var item = Bytes((ushort)0x0008, (ushort)0x0100, 2u, "AB");
        var bytes = Bytes(
            (ushort)0x0008, (ushort)0x1115, "UN", (ushort)0, Undefined,
            (ushort)0xFFFE, (ushort)0xE000, (uint)item.Length, item,
            (ushort)0xFFFE, (ushort)0xE0DD, 0u);
        var ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        var e = ds.Find(DicomTag.ReferencedSeriesSequence)!;
        Assert.Equal(DicomVR.SQ, e.VR);
        Assert.Equal("AB", e.Items[0].GetString(DicomTag.CodeValue));
    }

    [Fact]
    public void Implicit_VR_takes_the_dictionary_VR_and_unknown_tags_become_UN()
    {
        var bytes = Bytes(
            (ushort)0x0010, (ushort)0x0010, 8u, "Doe^Jane",
            (ushort)0x0028, (ushort)0x0010, 2u, (ushort)256,
            (ushort)0x0033, (ushort)0x1001, 2u, (ushort)7);
        var ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(DicomVR.PN, ds.Find(DicomTag.PatientName)!.VR);
        Assert.Equal(256, ds.GetInt(DicomTag.Rows));
        Assert.Equal(DicomVR.UN, ds.Find(new DicomTag(0x0033, 0x1001))!.VR);
    }

    [Fact]
    public void Implicit_US_or_SS_pixel_values_follow_pixel_representation()
    {
        var bytes = Bytes(
            (ushort)0x0028, (ushort)0x0103, 2u, (ushort)1,
            (ushort)0x0028, (ushort)0x0106, 2u, (ushort)0xFFFE);
        var ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(DicomVR.SS, ds.Find(DicomTag.SmallestImagePixelValue)!.VR);
        Assert.Equal(-2, ds.GetInt(DicomTag.SmallestImagePixelValue));
    }

    [Fact]
    public void Big_endian_values_are_swapped_and_strings_are_not()
    {
        byte[] be = [0x00, 0x28, 0x00, 0x10, (byte)'U', (byte)'S', 0x00, 0x04, 0x01, 0x02, 0x00, 0x03,
            0x00, 0x28, 0x00, 0x30, (byte)'D', (byte)'S', 0x00, 0x04, (byte)'1', (byte)'\\', (byte)'2', (byte)' '];
        var ds = DicomDatasetReader.Read(be, DicomTransferSyntax.ExplicitVRBigEndian);
        Assert.Equal([0x0102, 3], ds.GetDoubles(DicomTag.Rows));
        Assert.Equal([1, 2], ds.GetDoubles(DicomTag.PixelSpacing));
        var again = DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRBigEndian);
        Assert.Equal(be, again);
    }

    [Fact]
    public void Big_endian_corpus_file_equals_its_little_endian_twin()
    {
        var corpus = VoxDose.Tests.Shared.TestPaths.PydicomTestFiles;
        var be = DicomFile.Open(Path.Combine(corpus, "MR_small_bigendian.dcm"));
        var le = DicomFile.Open(Path.Combine(corpus, "MR_small.dcm"));
        Assert.Equal(DicomTransferSyntax.ExplicitVRBigEndian, be.TransferSyntax);
        Assert.Equal(le.Dataset.GetBytes(DicomTag.PixelData).ToArray(), be.Dataset.GetBytes(DicomTag.PixelData).ToArray());
        Assert.Equal(le.Dataset.GetDoubles(DicomTag.ImagePositionPatient), be.Dataset.GetDoubles(DicomTag.ImagePositionPatient));
    }

    [Fact]
    public void Deflated_files_round_trip_and_are_really_deflated()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, "1.2.3.4");
        ds.AddOrUpdate(DicomTag.ImageComments, DicomVR.LT, new string('x', 5000));
        using var ms = new MemoryStream();
        DicomFile.Create(ds, DicomTransferSyntax.DeflatedExplicitVRLittleEndian).Save(ms);
        Assert.True(ms.Length < 2000, $"deflated file is {ms.Length} bytes");
        ms.Position = 0;
        var back = DicomFile.Read(ms);
        Assert.Equal(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, back.TransferSyntax);
        Assert.Equal(5000, back.Dataset.GetString(DicomTag.ImageComments)!.Length);

        var corpus = DicomFile.Open(Path.Combine(VoxDose.Tests.Shared.TestPaths.PydicomTestFiles, "image_dfl.dcm"));
        Assert.True(corpus.TransferSyntax.IsDeflated);
        Assert.Equal(512, corpus.Dataset.GetInt(DicomTag.Rows));
    }

    [Fact]
    public void Odd_lengths_are_tolerated_and_padded_on_write()
    {
        var bytes = Bytes((ushort)0x0010, (ushort)0x0020, "LO", (ushort)3, "ABC", (ushort)0x0010, (ushort)0x0030, "DA", (ushort)8, "20000101");
        var ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("ABC", ds.GetString(DicomTag.PatientID));
        Assert.Equal(new DateOnly(2000, 1, 1), ds.GetDate(DicomTag.PatientBirthDate));
        var written = DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(Bytes((ushort)0x0010, (ushort)0x0020, "LO", (ushort)4, "ABC "), written[..12]);
    }

    [Fact]
    public void Truncated_values_fail_naming_the_tag()
    {
        var bytes = Bytes((ushort)0x0010, (ushort)0x0020, "LO", (ushort)10, "ABC");
        var ex = Assert.Throws<DicomDataException>(() => DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Contains("(0010,0020)", ex.Message);
    }

    [Fact]
    public void Encapsulated_pixel_data_keeps_its_fragments()
    {
        var bytes = Bytes(
            (ushort)0x7FE0, (ushort)0x0010, "OB", (ushort)0, Undefined,
            (ushort)0xFFFE, (ushort)0xE000, 4u, 0u,
            (ushort)0xFFFE, (ushort)0xE000, 4u, new byte[] { 1, 2, 3, 4 },
            (ushort)0xFFFE, (ushort)0xE000, 2u, new byte[] { 5, 6 },
            (ushort)0xFFFE, (ushort)0xE0DD, 0u);
        var ts = DicomTransferSyntax.Lookup(DicomUids.JPEG2000Lossless);
        var ds = DicomDatasetReader.Read(bytes, ts);
        var f = ds.Find(DicomTag.PixelData)!.Fragments!;
        Assert.Equal(4, f.OffsetTable.Length);
        Assert.Equal(2, f.Fragments.Count);
        Assert.Equal(new byte[] { 5, 6 }, f.Fragments[1].ToArray());
        Assert.Equal(bytes, DicomDatasetWriter.ToBytes(ds, ts));
        Assert.Throws<DicomDataException>(() => DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public void Files_without_preamble_or_meta_are_detected()
    {
        var corpus = VoxDose.Tests.Shared.TestPaths.PydicomTestFiles;
        var noMetaBe = DicomFile.Open(Path.Combine(corpus, "ExplVR_BigEndNoMeta.dcm"));
        Assert.Equal(DicomTransferSyntax.ExplicitVRBigEndian, noMetaBe.TransferSyntax);
        Assert.False(noMetaBe.HadPreamble);
        var noMetaLe = DicomFile.Open(Path.Combine(corpus, "ExplVR_LitEndNoMeta.dcm"));
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, noMetaLe.TransferSyntax);
        Assert.Equal(noMetaBe.Dataset.GetString(DicomTag.SOPInstanceUID), noMetaLe.Dataset.GetString(DicomTag.SOPInstanceUID));
    }

    [Fact]
    public void Text_is_not_DICOM()
    {
        var ex = Assert.Throws<DicomDataException>(() => DicomFile.Read(new MemoryStream("Hello, this is not a DICOM file at all."u8.ToArray())));
        Assert.Contains("Not a DICOM file", ex.Message);
    }

    [Fact]
    public void Header_scan_works_when_the_header_is_larger_than_the_first_chunk()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, "1.2.3");
        ds.AddOrUpdate(new DicomTag(0x0009, 0x0010), DicomVR.LO, "BIG");
        ds.AddOrUpdate(new DicomTag(0x0009, 0x1001), DicomVR.OB, new byte[200_000]);
        DicomPixelData.Write<ushort>(ds, 2, 2, 1, [1, 2, 3, 4]);
        using var ms = new MemoryStream();
        DicomFile.Create(ds).Save(ms);
        ms.Position = 0;
        var header = DicomFile.Read(ms, new DicomReadOptions { StopBeforePixelData = true });
        Assert.True(header.StoppedBeforePixelData);
        Assert.Equal(200_000, header.Dataset.GetBytes(new DicomTag(0x0009, 0x1001)).Length);
        Assert.False(header.Dataset.Contains(DicomTag.PixelData));
        Assert.Equal(2, header.Dataset.GetInt(DicomTag.Rows));
    }

    [Fact]
    public void Stream_reader_decompresses_deflate()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.PatientID, DicomVR.LO, "X1");
        var raw = DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        using var deflated = new MemoryStream();
        using (var z = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
        deflated.Position = 0;
        Assert.Equal("X1", DicomDatasetReader.Read(deflated, DicomTransferSyntax.DeflatedExplicitVRLittleEndian).GetString(DicomTag.PatientID));
    }
}
