using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Contours;

public class RoiMaskAlgebraTests
{
    [Fact]
    public void Normal_liver_is_liver_minus_lesions_with_partial_weights()
    {
        var grid = new Volume(4, 1, 1, new Vec3(2, 2, 2), new Vec3(0, 0, 0));
        var liver = new RoiMask(grid.WithSameGeometry([1f, 1f, 1f, 0.5f]));
        var lesionA = new RoiMask(grid.WithSameGeometry([1f, 0.25f, 0f, 0f]));
        var lesionB = new RoiMask(grid.WithSameGeometry([0.5f, 0.25f, 0f, 0.75f]));

        var normal = RoiMaskAlgebra.Subtract(liver, [lesionA, lesionB]);

        Assert.Equal(new[] { 0f, 0.5f, 1f, 0f }, normal.Weights.Voxels);
        Assert.Equal(1.5 * 8 / 1000.0, normal.VolumeMl, 9);
    }
}
