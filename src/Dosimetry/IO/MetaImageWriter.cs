using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.IO;

/// <summary>
/// Writes a <see cref="Volume"/> as a MetaImage (.mha: text header and raw little-endian float32 voxels in one file),
/// readable by ITK, 3D Slicer, plastimatch and ImageJ. Coordinates are DICOM patient coordinates (LPS, mm), which
/// is what ITK uses: Offset is the first voxel centre, TransformMatrix lists the row, column and slice directions.
/// </summary>
public static class MetaImageWriter
{
    public static void Write(Volume volume, string path)
    {
        using var stream = File.Create(path);
        Write(volume, stream);
    }

    public static void Write(Volume volume, Stream stream)
    {
        var r = volume.RowDirection;
        var c = volume.ColumnDirection;
        var s = volume.SliceDirection;
        var header = new StringBuilder()
            .Append("ObjectType = Image\n")
            .Append("NDims = 3\n")
            .Append("BinaryData = True\n")
            .Append("BinaryDataByteOrderMSB = False\n")
            .Append("CompressedData = False\n")
            .Append("TransformMatrix = ").Append(Join(r.X, r.Y, r.Z, c.X, c.Y, c.Z, s.X, s.Y, s.Z)).Append('\n')
            .Append("Offset = ").Append(Join(volume.OriginMm.X, volume.OriginMm.Y, volume.OriginMm.Z)).Append('\n')
            .Append("CenterOfRotation = 0 0 0\n")
            .Append("AnatomicalOrientation = RAI\n")
            .Append("ElementSpacing = ").Append(Join(volume.SpacingMm.X, volume.SpacingMm.Y, volume.SpacingMm.Z)).Append('\n')
            .Append("DimSize = ").Append(FormattableString.Invariant($"{volume.SizeX} {volume.SizeY} {volume.SizeZ}")).Append('\n')
            .Append("ElementType = MET_FLOAT\n")
            .Append("ElementDataFile = LOCAL\n");
        var headerBytes = Encoding.ASCII.GetBytes(header.ToString());
        stream.Write(headerBytes);
        var voxels = volume.Voxels;
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(voxels.AsSpan())); // already little-endian float32: no copy
            return;
        }
        var buffer = new byte[4 * 65536];
        for (var start = 0; start < voxels.Length; start += 65536)
        {
            var count = Math.Min(65536, voxels.Length - start);
            for (var i = 0; i < count; i++) BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(4 * i), voxels[start + i]);
            stream.Write(buffer, 0, 4 * count);
        }
    }

    private static string Join(params double[] values) => string.Join(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
