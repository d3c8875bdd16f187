using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Dose;

/// <summary>
/// Moves a per-voxel quantity that adds up (activity, cumulated activity) to a grid of another spacing over the same
/// axes and corner, conserving the total: each old voxel gives each new voxel the fraction of its length they
/// share, axis by axis. The new grid covers the old extent (its last voxels may stick out).
/// </summary>
public static class ActivityResampler
{
    public static Volume ResampleConserving(Volume source, Vec3 newSpacingMm)
    {
        var nx = NewCount(source.SizeX, source.SpacingMm.X, newSpacingMm.X);
        var ny = NewCount(source.SizeY, source.SpacingMm.Y, newSpacingMm.Y);
        var nz = NewCount(source.SizeZ, source.SpacingMm.Z, newSpacingMm.Z);
        // Same outer corner: the first new centre sits half a new voxel in from the old corner.
        var corner = source.VoxelToPatient(-0.5, -0.5, -0.5);
        var origin = corner + source.RowDirection * (newSpacingMm.X / 2) + source.ColumnDirection * (newSpacingMm.Y / 2) + source.SliceDirection * (newSpacingMm.Z / 2);
        var wx = Overlaps(source.SizeX, source.SpacingMm.X, nx, newSpacingMm.X);
        var wy = Overlaps(source.SizeY, source.SpacingMm.Y, ny, newSpacingMm.Y);
        var wz = Overlaps(source.SizeZ, source.SpacingMm.Z, nz, newSpacingMm.Z);

        // x, then y, then z, in double.
        var a = new double[(long)nx * source.SizeY * source.SizeZ];
        for (var line = 0; line < source.SizeY * source.SizeZ; line++)
            foreach (var (o, n, w) in wx) a[n + nx * line] += w * source.Voxels[o + source.SizeX * line];
        var b = new double[(long)nx * ny * source.SizeZ];
        for (var z = 0; z < source.SizeZ; z++)
            foreach (var (o, n, w) in wy)
                for (var x = 0; x < nx; x++) b[x + nx * (n + ny * z)] += w * a[x + nx * (o + source.SizeY * z)];
        var c = new float[(long)nx * ny * nz];
        var acc = new double[c.Length];
        foreach (var (o, n, w) in wz)
            for (var xy = 0; xy < nx * ny; xy++) acc[xy + nx * ny * n] += w * b[xy + nx * ny * o];
        for (var i = 0; i < c.Length; i++) c[i] = (float)acc[i];
        return new Volume(nx, ny, nz, newSpacingMm, origin, source.RowDirection, source.ColumnDirection, source.SliceDirection, source.FrameOfReferenceUid, c);
    }

    /// <summary>Trilinear interpolation of an intensive quantity (dose) from <paramref name="coarse"/> at the voxel centres of <paramref name="grid"/> (same axes), clamped at the edges.</summary>
    public static Volume InterpolateTo(Volume coarse, Volume grid)
    {
        var result = grid.WithSameGeometry();
        var ix = Axis(grid.SizeX, coarse.SizeX, grid, coarse, 0);
        var iy = Axis(grid.SizeY, coarse.SizeY, grid, coarse, 1);
        var iz = Axis(grid.SizeZ, coarse.SizeZ, grid, coarse, 2);
        Parallel.For(0, grid.SizeZ, z =>
        {
            var (z0, z1, fz) = iz[z];
            for (var y = 0; y < grid.SizeY; y++)
            {
                var (y0, y1, fy) = iy[y];
                for (var x = 0; x < grid.SizeX; x++)
                {
                    var (x0, x1, fx) = ix[x];
                    double v = 0;
                    v += (1 - fz) * ((1 - fy) * ((1 - fx) * coarse[x0, y0, z0] + fx * coarse[x1, y0, z0]) + fy * ((1 - fx) * coarse[x0, y1, z0] + fx * coarse[x1, y1, z0]));
                    v += fz * ((1 - fy) * ((1 - fx) * coarse[x0, y0, z1] + fx * coarse[x1, y0, z1]) + fy * ((1 - fx) * coarse[x0, y1, z1] + fx * coarse[x1, y1, z1]));
                    result[x, y, z] = (float)v;
                }
            }
        });
        return result;
    }

    private static (int, int, double)[] Axis(int count, int coarseCount, Volume grid, Volume coarse, int axis)
    {
        var table = new (int, int, double)[count];
        for (var i = 0; i < count; i++)
        {
            var p = axis == 0 ? grid.VoxelToPatient(i, 0, 0) : axis == 1 ? grid.VoxelToPatient(0, i, 0) : grid.VoxelToPatient(0, 0, i);
            var v = coarse.PatientToVoxel(p);
            var u = axis == 0 ? v.X : axis == 1 ? v.Y : v.Z;
            u = Math.Clamp(u, 0, coarseCount - 1);
            var i0 = Math.Min((int)Math.Floor(u), Math.Max(0, coarseCount - 2));
            var i1 = Math.Min(i0 + 1, coarseCount - 1);
            table[i] = (i0, i1, coarseCount == 1 ? 0 : u - i0);
        }
        return table;
    }

    private static int NewCount(int count, double spacing, double newSpacing) =>
        Math.Max(1, (int)Math.Ceiling(count * spacing / newSpacing - 1e-6));

    private static List<(int Old, int New, double Weight)> Overlaps(int count, double spacing, int newCount, double newSpacing)
    {
        var list = new List<(int, int, double)>();
        for (var o = 0; o < count; o++)
        {
            double lo = o * spacing, hi = lo + spacing;
            var first = (int)Math.Floor(lo / newSpacing);
            for (var n = Math.Max(0, first); n < newCount && n * newSpacing < hi; n++)
            {
                var overlap = Math.Min(hi, (n + 1) * newSpacing) - Math.Max(lo, n * newSpacing);
                if (overlap > 0) list.Add((o, n, overlap / spacing));
            }
        }
        return list;
    }
}
