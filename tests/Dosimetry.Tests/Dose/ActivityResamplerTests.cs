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

    [Fact]
    public void Slice_by_slice_resampling_gives_the_same_floats_as_three_whole_grid_passes()
    {
        // The resampler goes one source slice at a time (memory); the straightforward form below does x, y, z over the
        // whole grid. Same weights, same order of additions: the results must be equal bit for bit.
        var source = new Volume(23, 19, 37, new Vec3(4.07, 4.07, 2.027), new Vec3(-40, -30, 10));
        var random = new Random(5);
        for (var i = 0; i < source.Count; i++) source.Voxels[i] = (float)(random.NextDouble() * 1e5);
        var spacing = new Vec3(3, 3, 3);
        var resampled = ActivityResampler.ResampleConserving(source, spacing);
        Assert.Equal(WholeGridPasses(source, spacing, resampled.SizeX, resampled.SizeY, resampled.SizeZ), resampled.Voxels);
    }

    [Fact]
    public void Interpolation_reads_the_same_eight_neighbours_as_the_indexer()
    {
        var coarse = new Volume(9, 8, 7, new Vec3(3, 3, 3), new Vec3(0, 0, 0));
        var random = new Random(6);
        for (var i = 0; i < coarse.Count; i++) coarse.Voxels[i] = (float)random.NextDouble();
        var fine = new Volume(13, 11, 10, new Vec3(2.03, 2.03, 2.1), new Vec3(0.7, 0.4, 0.2));
        var result = ActivityResampler.InterpolateTo(coarse, fine);
        for (var z = 0; z < fine.SizeZ; z++)
            for (var y = 0; y < fine.SizeY; y++)
                for (var x = 0; x < fine.SizeX; x++)
                {
                    // Per axis, as the resampler's tables: the fine voxel centre on that axis in coarse voxel units.
                    double Clamp(double v, int n) => Math.Clamp(v, 0, n - 1);
                    var (cx, cy, cz) = (Clamp(coarse.PatientToVoxel(fine.VoxelToPatient(x, 0, 0)).X, 9),
                        Clamp(coarse.PatientToVoxel(fine.VoxelToPatient(0, y, 0)).Y, 8), Clamp(coarse.PatientToVoxel(fine.VoxelToPatient(0, 0, z)).Z, 7));
                    int x0 = Math.Min((int)cx, 7), y0 = Math.Min((int)cy, 6), z0 = Math.Min((int)cz, 5);
                    double fx = cx - x0, fy = cy - y0, fz = cz - z0;
                    double v = 0;
                    v += (1 - fz) * ((1 - fy) * ((1 - fx) * coarse[x0, y0, z0] + fx * coarse[x0 + 1, y0, z0]) + fy * ((1 - fx) * coarse[x0, y0 + 1, z0] + fx * coarse[x0 + 1, y0 + 1, z0]));
                    v += fz * ((1 - fy) * ((1 - fx) * coarse[x0, y0, z0 + 1] + fx * coarse[x0 + 1, y0, z0 + 1]) + fy * ((1 - fx) * coarse[x0, y0 + 1, z0 + 1] + fx * coarse[x0 + 1, y0 + 1, z0 + 1]));
                    Assert.Equal((float)v, result[x, y, z]);
                }
    }

    private static float[] WholeGridPasses(Volume source, Vec3 spacing, int nx, int ny, int nz)
    {
        static List<(int Old, int New, double Weight)> Overlaps(int count, double oldSpacing, int newCount, double newSpacing)
        {
            var list = new List<(int, int, double)>();
            for (var o = 0; o < count; o++)
            {
                double lo = o * oldSpacing, hi = lo + oldSpacing;
                for (var n = Math.Max(0, (int)Math.Floor(lo / newSpacing)); n < newCount && n * newSpacing < hi; n++)
                {
                    var overlap = Math.Min(hi, (n + 1) * newSpacing) - Math.Max(lo, n * newSpacing);
                    if (overlap > 0) list.Add((o, n, overlap / oldSpacing));
                }
            }
            return list;
        }
        var wx = Overlaps(source.SizeX, source.SpacingMm.X, nx, spacing.X);
        var wy = Overlaps(source.SizeY, source.SpacingMm.Y, ny, spacing.Y);
        var wz = Overlaps(source.SizeZ, source.SpacingMm.Z, nz, spacing.Z);
        var a = new double[nx * source.SizeY * source.SizeZ];
        for (var line = 0; line < source.SizeY * source.SizeZ; line++)
            foreach (var (o, n, w) in wx) a[n + nx * line] += w * source.Voxels[o + source.SizeX * line];
        var b = new double[nx * ny * source.SizeZ];
        for (var z = 0; z < source.SizeZ; z++)
            foreach (var (o, n, w) in wy)
                for (var x = 0; x < nx; x++) b[x + nx * (n + ny * z)] += w * a[x + nx * (o + source.SizeY * z)];
        var acc = new double[nx * ny * nz];
        foreach (var (o, n, w) in wz)
            for (var xy = 0; xy < nx * ny; xy++) acc[xy + nx * ny * n] += w * b[xy + nx * ny * o];
        return [.. acc.Select(v => (float)v)];
    }
}
