using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Metrics;

public class PerfusedRegionFinderTests
{
    [Fact]
    public void Threshold_keeps_the_hot_block_and_drops_background_and_a_single_noisy_voxel()
    {
        var activity = new Volume(20, 20, 20, new Vec3(3, 3, 3), new Vec3(0, 0, 0));
        for (var z = 5; z < 15; z++) for (var y = 5; y < 15; y++) for (var x = 5; x < 15; x++) activity[x, y, z] = 1000f;
        activity[1, 1, 1] = 500f;   // one noisy voxel: smoothed to 500/27, under 10 % of 1000
        activity[18, 18, 2] = 50f;  // background under 10 %

        var mask = PerfusedRegionFinder.Find(activity);

        Assert.Equal(1f, mask.Weights[10, 10, 10]);
        Assert.Equal(1f, mask.Weights[5, 5, 5]);
        Assert.Equal(1f, mask.Weights[4, 10, 10]); // one voxel outside the block: smoothed 9/27 of max
        Assert.Equal(0f, mask.Weights[1, 1, 1]);
        Assert.Equal(0f, mask.Weights[18, 18, 2]);
        var unsmoothed = PerfusedRegionFinder.Find(activity, new PerfusedRegionOptions { Smooth = false });
        Assert.Equal(1f, unsmoothed.Weights[1, 1, 1]);
        Assert.Equal(0f, unsmoothed.Weights[4, 10, 10]);
        Assert.Equal(1001 * 27 / 1000.0, unsmoothed.VolumeMl, 6); // block + noisy voxel, 27 mm3 each
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 3, 2)]
    [InlineData(3, 3, 3)]
    [InlineData(11, 4, 3)]
    [InlineData(37, 5, 4)]
    [InlineData(200, 3, 2)]
    public void Box_mean_in_simd_lanes_equals_one_voxel_at_a_time_to_the_last_bit(int nx, int ny, int nz)
    {
        // Values over many orders of magnitude and of both signs, so a different order of the additions would show.
        var random = new Random(nx * 10000 + ny * 100 + nz);
        var v = new Volume(nx, ny, nz, new Vec3(4, 4, 2), new Vec3(0, 0, 0));
        for (var i = 0; i < v.Count; i++)
            v.Voxels[i] = (float)((random.NextDouble() - 0.2) * Math.Pow(10, random.Next(-8, 9)));
        var fast = PerfusedRegionFinder.BoxMean3(v);
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                {
                    double sum = 0;
                    var n = 0;
                    for (var dz = Math.Max(0, z - 1); dz <= Math.Min(nz - 1, z + 1); dz++)
                        for (var dy = Math.Max(0, y - 1); dy <= Math.Min(ny - 1, y + 1); dy++)
                            for (var dx = Math.Max(0, x - 1); dx <= Math.Min(nx - 1, x + 1); dx++)
                            {
                                sum += v[dx, dy, dz];
                                n++;
                            }
                    Assert.Equal(BitConverter.SingleToInt32Bits((float)(sum / n)), BitConverter.SingleToInt32Bits(fast[v.Index(x, y, z)]));
                }
    }
}
