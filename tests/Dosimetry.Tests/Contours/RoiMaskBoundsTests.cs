using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Contours;

/// <summary>
/// A rasterised mask checks, sums and hands on only the box the rasteriser wrote (<see cref="RoiMask.Bounds"/>), and the
/// metrics visit only that box. Every figure must be the one a pass over the whole grid gives, to the last bit: on
/// aligned and oblique grids, for contours running off the grid, and for slabs whose overlaps sum above 1 (clamped).
/// </summary>
public class RoiMaskBoundsTests
{
    public static TheoryData<string> Cases => ["aligned", "rotated in plane", "oblique", "off the grid", "two lesions"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bounds_sum_and_metrics_equal_those_of_a_whole_grid_pass(string name)
    {
        var (grid, contours) = Case(name);
        var mask = ContourRasterizer.Rasterize(grid, contours);
        var w = mask.Weights.Voxels;
        Assert.False(mask.IsEmpty);

        // The tight box of the non-zero weights, and the sum in the grid's order, by brute force.
        var tight = VoxelBox.Empty;
        double sum = 0;
        for (var z = 0; z < grid.SizeZ; z++)
            for (var y = 0; y < grid.SizeY; y++)
                for (var x = 0; x < grid.SizeX; x++)
                {
                    var v = w[grid.Index(x, y, z)];
                    Assert.InRange(v, 0f, 1f);
                    sum += v;
                    if (v > 0) tight = tight.Including(x, y, z);
                }
        Assert.Equal(tight, mask.Bounds);
        Assert.Equal(BitConverter.DoubleToInt64Bits(sum), BitConverter.DoubleToInt64Bits(mask.WeightSum));
        var whole = new RoiMask(mask.Weights, mask.ExtendsBeyondGrid, mask.Notes); // the public constructor scans every voxel
        Assert.Equal(tight, whole.Bounds);
        Assert.Equal(BitConverter.DoubleToInt64Bits(sum), BitConverter.DoubleToInt64Bits(whole.WeightSum));

        // The dose statistics against a distribution built from every voxel of the grid in order.
        var dose = grid.WithSameGeometry();
        var random = new Random(7);
        for (var i = 0; i < dose.Count; i++) dose.Voxels[i] = (float)(random.NextDouble() * 120);
        var boxed = WeightedDoseDistribution.From(dose, mask);
        var reference = WeightedDoseDistribution.From(Enumerable.Range(0, dose.Count).Select(i => ((double)dose.Voxels[i], (double)w[i])));
        Assert.Equal(Bits(reference.MeanGy), Bits(boxed.MeanGy));
        Assert.Equal(Bits(reference.SdGy), Bits(boxed.SdGy));
        Assert.Equal(Bits(reference.TotalWeight), Bits(boxed.TotalWeight));
        Assert.Equal(Bits(reference.MedianGy), Bits(boxed.MedianGy));
        Assert.Equal(Bits(reference.GeneralisedEud(-3)), Bits(boxed.GeneralisedEud(-3)));
        Assert.Equal(reference.CumulativeDvh(1, 500), boxed.CumulativeDvh(1, 500));

        // Adding the weights into a sum touches only the box, and gives what adding every voxel gives.
        var added = new float[dose.Count];
        var expected = new float[dose.Count];
        for (var i = 0; i < added.Length; i++) added[i] = expected[i] = (float)random.NextDouble();
        RoiMaskAlgebra.AddTo(added, mask, mask);
        for (var i = 0; i < expected.Length; i++) expected[i] += w[i];
        Assert.Equal(expected, added);

        // Subtracting a weight sum changes only the box, and gives what the per-voxel formula over the whole grid gives.
        var removed = new float[dose.Count];
        for (var i = 0; i < removed.Length; i++) removed[i] = random.Next(3) == 0 ? 0f : (float)(random.NextDouble() * 1.5);
        var difference = RoiMaskAlgebra.Subtract(mask, removed);
        var formula = new float[dose.Count];
        for (var i = 0; i < formula.Length; i++) formula[i] = Math.Max(0f, w[i] - Math.Min(1f, removed[i]));
        Assert.Equal(formula.Select(BitConverter.SingleToInt32Bits), difference.Weights.Voxels.Select(BitConverter.SingleToInt32Bits));
        var scanned = new RoiMask(difference.Weights);
        Assert.Equal(scanned.Bounds, difference.Bounds);
        Assert.Equal(Bits(scanned.WeightSum), Bits(difference.WeightSum));
    }

    [Fact]
    public void An_empty_mask_has_an_empty_box_and_empty_statistics()
    {
        var grid = ContourShapes.CentredGrid(9, 4.0);
        var mask = ContourRasterizer.Rasterize(grid, [Contour.Closed(ContourShapes.Circle(new Vec3(500, 500, 0), 5))]);
        Assert.True(mask.Bounds.IsEmpty);
        Assert.Equal(0, mask.WeightSum);
        Assert.True(WeightedDoseDistribution.From(grid.WithSameGeometry(), mask).IsEmpty);
        Assert.True(new RoiMask(grid.WithSameGeometry()).Bounds.IsEmpty);
    }

    private static (Volume Grid, List<Contour> Contours) Case(string name) => name switch
    {
        "aligned" => (ContourShapes.CentredGrid(31, 4.0), ContourShapes.Sphere(new Vec3(1.1, -0.7, 0.4), 22, 1.3, 0.2)),
        "rotated in plane" => (ContourShapes.CentredGrid(25, 4.0, new Vec3(1, 0.5, 0), new Vec3(-0.5, 1, 0)), ContourShapes.Sphere(new Vec3(3, 2, -1), 18, 3.0, 0.5)),
        "oblique" => (ContourShapes.CentredGrid(25, 4.0, new Vec3(1, 0, 0), new Vec3(0, Math.Cos(0.5), Math.Sin(0.5))), ContourShapes.Sphere(new Vec3(0, 0, 0), 18, 3.0, 0.5)),
        "off the grid" => (ContourShapes.CentredGrid(15, 4.0), ContourShapes.Sphere(new Vec3(20, -18, 22), 16, 2.0, 0.3)),
        "two lesions" => (ContourShapes.CentredGrid(31, 4.0),
            [.. ContourShapes.Sphere(new Vec3(-30, -25, -20), 10, 2.5, 0.1), .. ContourShapes.Sphere(new Vec3(28, 30, 25), 12, 2.5, 0.1)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static long Bits(double v) => BitConverter.DoubleToInt64Bits(v);
}
