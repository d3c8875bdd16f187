using VoxDose.Dosimetry.IO;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Planning;

public class MetaImageRoundTripTests
{
    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_voxel_for_voxel_with_its_geometry()
    {
        var volume = new Volume(3, 4, 5, new Vec3(1.5, 2.5, 3.5), new Vec3(-10, 20.25, 7), new Vec3(0, 1, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1),
            voxels: [.. Enumerable.Range(0, 60).Select(i => i * 0.37f)]);
        var path = Path.Combine(Path.GetTempPath(), $"voxdose-mha-{Guid.NewGuid():N}.mha");
        try
        {
            MetaImageWriter.Write(volume, path);
            var back = MetaImageReader.Read(path, "1.2.3");
            Assert.Equal((3, 4, 5), (back.SizeX, back.SizeY, back.SizeZ));
            Assert.Equal((volume.SpacingMm, volume.OriginMm, volume.RowDirection, volume.ColumnDirection), (back.SpacingMm, back.OriginMm, back.RowDirection, back.ColumnDirection));
            Assert.Equal(volume.Voxels, back.Voxels);
            Assert.Equal("1.2.3", back.FrameOfReferenceUid);
            File.WriteAllBytes(path, File.ReadAllBytes(path)[..^4]);
            Assert.Contains("data bytes", Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
