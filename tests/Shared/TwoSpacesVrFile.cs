using System.Buffers.Binary;
using VoxDose.Dicom;

namespace VoxDose.Tests.Shared;

/// <summary>
/// An Explicit VR Little Endian Part 10 file whose Pixel Padding Value (0028,0120) carries the non-standard VR "  "
/// (two spaces) with a 2-byte length, as seen on public test files from other toolkits; Window Center follows it.
/// </summary>
public static class TwoSpacesVrFile
{
    /// <summary>The padding value written, -2000 as a signed 16-bit little-endian value.</summary>
    public static readonly byte[] PaddingBytes = [0x30, 0xF8];

    public static byte[] Bytes()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.SecondaryCaptureImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.7");
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Two^Spaces");
        ds.AddOrUpdateValues<ushort>(DicomTag.PixelRepresentation, DicomVR.US, [1]);
        ds.AddOrUpdate(DicomTag.WindowCenter, DicomVR.DS, "40");
        using var ms = new MemoryStream();
        DicomFile.Create(ds).Save(ms);
        var file = ms.ToArray().ToList();
        // Insert (0028,0120) "  " length 2 before Window Center (0028,1050).
        var windowCenter = IndexOfTag(file, 0x0028, 0x1050);
        byte[] element = [0x28, 0x00, 0x20, 0x01, 0x20, 0x20, 0x02, 0x00, .. PaddingBytes];
        file.InsertRange(windowCenter, element);
        return [.. file];
    }

    private static int IndexOfTag(List<byte> bytes, ushort group, ushort element)
    {
        var array = bytes.ToArray();
        for (var i = 132; i + 4 <= array.Length; i += 2)
            if (BinaryPrimitives.ReadUInt16LittleEndian(array.AsSpan(i)) == group && BinaryPrimitives.ReadUInt16LittleEndian(array.AsSpan(i + 2)) == element)
                return i;
        throw new InvalidOperationException($"({group:X4},{element:X4}) not found.");
    }
}
