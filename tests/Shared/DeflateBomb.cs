using System.Buffers.Binary;
using System.IO.Compression;
using VoxDose.Dicom;

namespace VoxDose.Tests.Shared;

/// <summary>
/// A "deflate bomb": a Part 10 file in Deflated Explicit VR Little Endian whose small header is followed by Pixel
/// Data of <c>pixelBytes</c> zeros; deflate shrinks zeros about 1000 times, so 1 GiB of pixels is a 1 MB file.
/// </summary>
public static class DeflateBomb
{
    public static void Write(Stream output, long pixelBytes, string sopInstanceUid = "2.25.31337")
    {
        var header = SyntheticDicom.PetImage(0, rows: 2, columns: 2);
        header.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, sopInstanceUid);
        header.Remove(DicomTag.PixelData);
        // The meta group from a real deflated file of the header alone, then our own deflated body.
        using var metaOnly = new MemoryStream();
        DicomFile.Create(header, DicomTransferSyntax.DeflatedExplicitVRLittleEndian).Save(metaOnly);
        var bytes = metaOnly.ToArray();
        var metaEnd = 132 + 12 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140));
        output.Write(bytes, 0, metaEnd);

        using var z = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true);
        z.Write(DicomDatasetWriter.ToBytes(header, DicomTransferSyntax.ExplicitVRLittleEndian));
        Span<byte> pixelHeader = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(pixelHeader, 0x7FE0);
        BinaryPrimitives.WriteUInt16LittleEndian(pixelHeader[2..], 0x0010);
        "OW"u8.CopyTo(pixelHeader[4..]);
        pixelHeader[6] = pixelHeader[7] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(pixelHeader[8..], checked((uint)pixelBytes));
        z.Write(pixelHeader);
        var zeros = new byte[1 << 20];
        for (var left = pixelBytes; left > 0; left -= zeros.Length) z.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
    }

    public static byte[] Bytes(long pixelBytes)
    {
        using var ms = new MemoryStream();
        Write(ms, pixelBytes);
        return ms.ToArray();
    }
}
