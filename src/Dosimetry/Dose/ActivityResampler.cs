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

        // x, then y, then z, in double. Each new plane is made by one thread from the x and y passes of the source
        // slices that overlap it (a source slice overlapping two new planes is passed twice: slice-sized buffers per
        // thread instead of two grid-sized arrays, about 110 MB less for 200 x 200 x 111 -> 3 mm). Every new voxel sums
        // its contributions in the order of the weight lists, so the result is the same bit for bit as three
        // whole-grid passes, whatever the number of threads.
        int sx = source.SizeX, sy = source.SizeY;
        var src = source.Voxels;
        var xWeights = wx.ToArray();
        var yWeights = wy.ToArray();
        var c = new float[(long)nx * ny * nz];
        var plane = nx * ny;
        // The z weights of each new plane, in list order (the order the sum runs in).
        var byPlane = new List<(int Old, double Weight)>[nz];
        for (var n = 0; n < nz; n++) byPlane[n] = [];
        foreach (var (o, n, w) in wz) byPlane[n].Add((o, w));
        Parallel.For(0, nz, () => (A: new double[nx * sy], B: new double[plane], Acc: new double[plane]), (n, _, buffers) =>
        {
            var (a, b, acc) = buffers;
            Array.Clear(acc);
            foreach (var (z, wzValue) in byPlane[n])
            {
                Array.Clear(a);
                Array.Clear(b);
                for (var y = 0; y < sy; y++)
                {
                    var line = sx * (y + sy * z);
                    var to = nx * y;
                    foreach (var (o, nn, w) in xWeights) a[nn + to] += w * src[o + line];
                }
                foreach (var (o, nn, w) in yWeights)
                {
                    var to = nx * nn;
                    var from = nx * o;
                    for (var x = 0; x < nx; x++) b[to + x] += w * a[from + x];
                }
                for (var xy = 0; xy < plane; xy++) acc[xy] += wzValue * b[xy];
            }
            var at = (long)plane * n;
            for (var xy = 0; xy < plane; xy++) c[at + xy] = (float)acc[xy];
            return buffers;
        }, _ => { });
        return new Volume(nx, ny, nz, newSpacingMm, origin, source.RowDirection, source.ColumnDirection, source.SliceDirection, source.FrameOfReferenceUid, c);
    }

    /// <summary>Trilinear interpolation of an intensive quantity (dose) from <paramref name="coarse"/> at the voxel centres of <paramref name="grid"/> (same axes), clamped at the edges.</summary>
    public static Volume InterpolateTo(Volume coarse, Volume grid)
    {
        var result = grid.WithSameGeometry();
        var ix = Axis(grid.SizeX, coarse.SizeX, grid, coarse, 0);
        var iy = Axis(grid.SizeY, coarse.SizeY, grid, coarse, 1);
        var iz = Axis(grid.SizeZ, coarse.SizeZ, grid, coarse, 2);
        var v = coarse.Voxels;
        int cx = coarse.SizeX, cxy = coarse.SizeX * coarse.SizeY, gx = grid.SizeX, gy = grid.SizeY;
        var output = result.Voxels;
        Parallel.For(0, grid.SizeZ, z =>
        {
            var (z0, z1, fz) = iz[z];
            for (var y = 0; y < gy; y++)
            {
                var (y0, y1, fy) = iy[y];
                // Row starts of the four coarse rows around this output row (coarse[x, y, z] = v[x + row]).
                int r00 = cx * y0 + cxy * z0, r10 = cx * y1 + cxy * z0, r01 = cx * y0 + cxy * z1, r11 = cx * y1 + cxy * z1;
                var outRow = gx * (y + gy * z);
                for (var x = 0; x < gx; x++)
                {
                    var (x0, x1, fx) = ix[x];
                    double value = 0;
                    value += (1 - fz) * ((1 - fy) * ((1 - fx) * v[x0 + r00] + fx * v[x1 + r00]) + fy * ((1 - fx) * v[x0 + r10] + fx * v[x1 + r10]));
                    value += fz * ((1 - fy) * ((1 - fx) * v[x0 + r01] + fx * v[x1 + r01]) + fy * ((1 - fx) * v[x0 + r11] + fx * v[x1 + r11]));
                    output[outRow + x] = (float)value;
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
