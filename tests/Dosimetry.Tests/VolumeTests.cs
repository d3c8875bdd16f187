using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests;

public class VolumeTests
{
    [Fact]
    public void Index_is_x_fastest_then_y_then_z()
    {
        var v = new Volume(4, 3, 2, new Vec3(1, 1, 1), new Vec3(0, 0, 0));
        Assert.Equal(0, v.Index(0, 0, 0));
        Assert.Equal(1, v.Index(1, 0, 0));
        Assert.Equal(4, v.Index(0, 1, 0));
        Assert.Equal(12, v.Index(0, 0, 1));
        Assert.Equal(23, v.Index(3, 2, 1));
    }

    [Fact]
    public void Voxel_volume_is_in_millilitres()
    {
        var v = new Volume(1, 1, 1, new Vec3(4.07, 4.07, 5), new Vec3(0, 0, 0));
        Assert.Equal(4.07 * 4.07 * 5 / 1000.0, v.VoxelVolumeMl, 12);
    }

    [Fact]
    public void Patient_and_voxel_coordinates_round_trip_with_oblique_axes()
    {
        var row = new Vec3(1, 1, 0).Normalized();
        var col = new Vec3(-1, 1, 0).Normalized();
        var v = new Volume(10, 10, 10, new Vec3(2, 3, 4), new Vec3(-100, 50, 20), row, col);
        var p = v.VoxelToPatient(2.5, 3, 7);
        var back = v.PatientToVoxel(p);
        Assert.Equal(2.5, back.X, 9);
        Assert.Equal(3, back.Y, 9);
        Assert.Equal(7, back.Z, 9);
        Assert.Equal(20 + 7 * 4, p.Z, 9);
    }
}
