using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// Turns the closed planar contours of one ROI into partial-volume weights on a dose grid (even-odd rule,
/// slab rule along the plane normal; see <see cref="ContourPlaneStack"/> and docs/contours-and-metrics.md).
/// </summary>
/// <remarks>
/// Contour points are mapped to fractional voxel indices with <see cref="Volume.PatientToVoxel"/>. When the contour
/// planes are parallel to the grid slices, each plane's polygons are scan-converted in voxel coordinates: exact
/// coverage along x for <see cref="ContourRasterOptions.RowsPerVoxel"/> rows per voxel, times the exact overlap of
/// the slab with each slice. Otherwise (oblique grid) each voxel is sampled on an N x N x N lattice.
/// </remarks>
public static class ContourRasterizer
{
    private const double ParallelTolerance = 1e-6;

    public static RoiMask Rasterize(Volume grid, IReadOnlyList<Contour> contours, ContourRasterOptions? options = null)
    {
        options ??= new ContourRasterOptions();
        options.Validate();
        var stack = ContourPlaneStack.Build(contours, grid);
        var weights = grid.WithSameGeometry();
        var notes = stack.Notes.ToList();
        if (stack.Planes.Count == 0)
        {
            notes.Add("no closed planar contour: the ROI is empty");
            return new RoiMask(weights, false, notes);
        }
        var n = stack.Normal;
        var aligned = Math.Abs(Math.Abs(n.Dot(grid.SliceDirection)) - 1.0) < ParallelTolerance
            && Math.Abs(n.Dot(grid.RowDirection)) < 1e-3 && Math.Abs(n.Dot(grid.ColumnDirection)) < 1e-3;
        var written = VoxelBox.Empty; // every weight outside it is still 0
        var beyond = aligned ? RasterizeAligned(grid, stack, weights.Voxels, options.RowsPerVoxel, ref written)
            : RasterizeOblique(grid, stack, weights.Voxels, options.ObliqueSamplesPerAxis, ref written);
        var voxels = weights.Voxels;
        foreach (var row in written.Rows(grid))
            for (var i = row.First; i <= row.Last; i++) if (voxels[i] > 1f) voxels[i] = 1f;
        if (beyond) notes.Add("the contours extend beyond the dose grid: volume and statistics cover the part inside the grid");
        return new RoiMask(weights, beyond, notes, written);
    }

    private static bool RasterizeAligned(Volume grid, ContourPlaneStack stack, float[] weights, int rows, ref VoxelBox written)
    {
        var beyond = false;
        var xs = new double[16];
        foreach (var plane in stack.Planes)
        {
            var k0 = grid.PatientToVoxel(stack.Normal * plane.LowerMm).Z;
            var k1 = grid.PatientToVoxel(stack.Normal * plane.UpperMm).Z;
            var kLo = Math.Min(k0, k1);
            var kHi = Math.Max(k0, k1);
            if (kLo < -0.5 - 1e-9 || kHi > grid.SizeZ - 0.5 + 1e-9) beyond = true;

            var polygons = new EvenOddPolygonSet();
            foreach (var polygon in plane.Polygons)
            {
                var vertices = new (double X, double Y)[polygon.Length];
                for (var i = 0; i < vertices.Length; i++)
                {
                    var v = grid.PatientToVoxel(polygon[i]);
                    vertices[i] = (v.X, v.Y);
                }
                polygons.AddPolygon(vertices);
            }
            if (polygons.MinX < -0.5 || polygons.MinY < -0.5 || polygons.MaxX > grid.SizeX - 0.5 || polygons.MaxY > grid.SizeY - 0.5)
                beyond = true;

            var kFirst = Math.Max(0, (int)Math.Floor(kLo + 0.5));
            var kLast = Math.Min(grid.SizeZ - 1, (int)Math.Floor(kHi + 0.5));
            if (kFirst > kLast) continue;
            var jFirst = Math.Max(0, (int)Math.Floor(polygons.MinY + 0.5));
            var jLast = Math.Min(grid.SizeY - 1, (int)Math.Floor(polygons.MaxY + 0.5));
            if (jFirst > jLast) continue;

            var coverage = new double[(jLast - jFirst + 1) * grid.SizeX];
            for (var j = jFirst; j <= jLast; j++)
            {
                var rowOffset = (j - jFirst) * grid.SizeX;
                for (var r = 0; r < rows; r++)
                {
                    var crossings = polygons.Crossings(j - 0.5 + (r + 0.5) / rows, ref xs);
                    for (var c = 0; c + 1 < crossings; c += 2)
                        AddInterval(coverage, rowOffset, grid.SizeX, xs[c], xs[c + 1], 1.0 / rows);
                }
            }

            for (var k = kFirst; k <= kLast; k++)
            {
                var overlap = Math.Min(kHi, k + 0.5) - Math.Max(kLo, k - 0.5);
                if (overlap <= 0) continue;
                written = written.Union(new VoxelBox(0, jFirst, k, grid.SizeX - 1, jLast, k));
                var sliceOffset = k * grid.StrideZ + jFirst * grid.StrideY;
                for (var c = 0; c < coverage.Length; c++)
                    if (coverage[c] > 0) weights[sliceOffset + c] += (float)(coverage[c] * overlap);
            }
        }
        return beyond;
    }

    /// <summary>Adds the length of [x0, x1] falling in each voxel [i - 0.5, i + 0.5] of one row, times <paramref name="scale"/>.</summary>
    private static void AddInterval(double[] coverage, int rowOffset, int sizeX, double x0, double x1, double scale)
    {
        x0 = Math.Max(x0, -0.5);
        x1 = Math.Min(x1, sizeX - 0.5);
        if (x1 <= x0) return;
        var first = (int)Math.Floor(x0 + 0.5);
        var last = Math.Min(sizeX - 1, (int)Math.Floor(x1 + 0.5));
        for (var i = first; i <= last; i++)
        {
            var length = Math.Min(x1, i + 0.5) - Math.Max(x0, i - 0.5);
            if (length > 0) coverage[rowOffset + i] += length * scale;
        }
    }

    private static bool RasterizeOblique(Volume grid, ContourPlaneStack stack, float[] weights, int samples, ref VoxelBox written)
    {
        var n = stack.Normal;
        var dropAxis = Math.Abs(n.X) >= Math.Abs(n.Y) && Math.Abs(n.X) >= Math.Abs(n.Z) ? 0 : Math.Abs(n.Y) >= Math.Abs(n.Z) ? 1 : 2;
        var planes = stack.Planes;
        var polygonSets = new EvenOddPolygonSet[planes.Count];
        double minI = double.MaxValue, minJ = double.MaxValue, minK = double.MaxValue;
        double maxI = double.MinValue, maxJ = double.MinValue, maxK = double.MinValue;
        for (var p = 0; p < planes.Count; p++)
        {
            polygonSets[p] = new EvenOddPolygonSet();
            foreach (var polygon in planes[p].Polygons)
            {
                polygonSets[p].AddPolygon([.. polygon.Select(v => Project(v, dropAxis))]);
                foreach (var point in polygon)
                {
                    foreach (var shift in new[] { planes[p].LowerMm - planes[p].PositionMm, planes[p].UpperMm - planes[p].PositionMm })
                    {
                        var v = grid.PatientToVoxel(point + n * shift);
                        minI = Math.Min(minI, v.X); maxI = Math.Max(maxI, v.X);
                        minJ = Math.Min(minJ, v.Y); maxJ = Math.Max(maxJ, v.Y);
                        minK = Math.Min(minK, v.Z); maxK = Math.Max(maxK, v.Z);
                    }
                }
            }
        }
        var beyond = minI < -0.5 || minJ < -0.5 || minK < -0.5
            || maxI > grid.SizeX - 0.5 || maxJ > grid.SizeY - 0.5 || maxK > grid.SizeZ - 0.5;
        int i0 = Math.Max(0, (int)Math.Floor(minI)), i1 = Math.Min(grid.SizeX - 1, (int)Math.Ceiling(maxI));
        int j0 = Math.Max(0, (int)Math.Floor(minJ)), j1 = Math.Min(grid.SizeY - 1, (int)Math.Ceiling(maxJ));
        int k0 = Math.Max(0, (int)Math.Floor(minK)), k1 = Math.Min(grid.SizeZ - 1, (int)Math.Ceiling(maxK));

        written = new VoxelBox(i0, j0, k0, i1, j1, k1);
        var lowers = planes.Select(p => p.LowerMm).ToArray();
        var offsets = Enumerable.Range(0, samples).Select(s => (s + 0.5) / samples - 0.5).ToArray();
        var perSample = 1.0f / (samples * samples * samples);
        for (var k = k0; k <= k1; k++)
            for (var j = j0; j <= j1; j++)
                for (var i = i0; i <= i1; i++)
                {
                    var inside = 0;
                    foreach (var dk in offsets)
                        foreach (var dj in offsets)
                            foreach (var di in offsets)
                            {
                                var point = grid.VoxelToPatient(i + di, j + dj, k + dk);
                                var s = point.Dot(n);
                                var p = Array.BinarySearch(lowers, s);
                                if (p < 0) p = ~p - 1;
                                if (p < 0 || s >= planes[p].UpperMm) continue;
                                var (u, w) = Project(point, dropAxis);
                                if (polygonSets[p].Contains(u, w)) inside++;
                            }
                    if (inside > 0) weights[grid.Index(i, j, k)] += inside * perSample;
                }
        return beyond;
    }

    private static (double, double) Project(Vec3 v, int dropAxis) => dropAxis switch
    {
        0 => (v.Y, v.Z),
        1 => (v.Z, v.X),
        _ => (v.X, v.Y),
    };
}
