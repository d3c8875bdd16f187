using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Dose;

public class ActivityResamplerTests
{
    [Fact]
    public void Resampling_conserves_the_total_and_covers_the_extent()
    {
        var source = new Volume(20, 17, 31, new Vec3(4.07, 4.07, 2.0), new Vec3(-40, -30, 10), frameOfReferenceUid: "1.2");
        var random = new Random(3);
        for (var i = 0; i < source.Count; i++) source.Voxels[i] = (float)random.NextDouble();
        var resampled = ActivityResampler.ResampleConserving(source, new Vec3(3, 3, 3));
        Assert.Equal(28, resampled.SizeX); // ceil(20 x 4.07 / 3)
        Assert.Equal(21, resampled.SizeZ); // ceil(31 x 2 / 3)
        Assert.Equal(source.Voxels.Sum(v => (double)v), resampled.Voxels.Sum(v => (double)v), 1e-3);
        Assert.Equal("1.2", resampled.FrameOfReferenceUid);
        // Same outer corner.
        var a = source.VoxelToPatient(-0.5, -0.5, -0.5);
        var b = resampled.VoxelToPatient(-0.5, -0.5, -0.5);
        Assert.True((a - b).Length < 1e-9);
    }

    [Fact]
    public void Interpolating_a_linear_field_back_is_exact_inside()
    {
        var coarse = new Volume(10, 10, 10, new Vec3(3, 3, 3), new Vec3(0, 0, 0));
        for (var z = 0; z < 10; z++) for (var y = 0; y < 10; y++) for (var x = 0; x < 10; x++) coarse[x, y, z] = x + 2 * y + 3 * z;
        var fine = new Volume(12, 12, 12, new Vec3(2, 2, 2), new Vec3(1, 1, 1));
        var result = ActivityResampler.InterpolateTo(coarse, fine);
        // Fine voxel (4, 5, 6) centre = (9, 11, 13) mm = coarse index (3, 3.667, 4.333).
        Assert.Equal(3 + 2 * 11 / 3.0 + 3 * 13 / 3.0, result[4, 5, 6], 4);
    }
}
