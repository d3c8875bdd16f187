using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.IO;

/// <summary>
/// Reads back what <see cref="MetaImageWriter"/> writes (3-D, MET_FLOAT, little endian, uncompressed, LOCAL data,
/// TransformMatrix as row, column and slice directions); anything else is an <see cref="InvalidDataException"/> naming the key.
/// </summary>
public static class MetaImageReader
{
    public static Volume Read(string path, string? frameOfReferenceUid = null)
    {
        var bytes = File.ReadAllBytes(path);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        while (position < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', position);
            if (end < 0) throw new InvalidDataException($"{path}: MetaImage header has no ElementDataFile line.");
            var line = Encoding.ASCII.GetString(bytes, position, end - position).Trim();
            position = end + 1;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            keys[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            if (line.StartsWith("ElementDataFile", StringComparison.Ordinal)) break;
        }
        string Need(string key) => keys.TryGetValue(key, out var v) ? v : throw new InvalidDataException($"{path}: MetaImage key {key} is missing.");
        double[] Numbers(string key, int count)
        {
            var values = Need(key).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return values.Length == count ? values : throw new InvalidDataException($"{path}: MetaImage {key} has {values.Length} values, expected {count}.");
        }
        if (Need("NDims") != "3" || Need("ElementType") != "MET_FLOAT" || Need("ElementDataFile") != "LOCAL"
            || keys.GetValueOrDefault("CompressedData", "False") != "False" || keys.GetValueOrDefault("BinaryDataByteOrderMSB", "False") != "False")
            throw new InvalidDataException($"{path}: only 3-D uncompressed little-endian MET_FLOAT LOCAL MetaImages are read.");
        var size = Numbers("DimSize", 3).Select(v => (int)v).ToArray();
        var spacing = Numbers("ElementSpacing", 3);
        var offset = Numbers("Offset", 3);
        var m = Numbers("TransformMatrix", 9);
        var count = (long)size[0] * size[1] * size[2];
        if (bytes.Length - position != 4 * count) throw new InvalidDataException($"{path}: MetaImage holds {bytes.Length - position} data bytes, expected {4 * count}.");
        var voxels = new float[count];
        for (var i = 0; i < count; i++) voxels[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(position + 4 * i));
        return new Volume(size[0], size[1], size[2], new Vec3(spacing[0], spacing[1], spacing[2]), new Vec3(offset[0], offset[1], offset[2]),
            new Vec3(m[0], m[1], m[2]), new Vec3(m[3], m[4], m[5]), new Vec3(m[6], m[7], m[8]), frameOfReferenceUid, voxels);
    }
}
