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
}
