using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Contours;

/// <summary>The longest axial diameter from contour points, against the geometry of circles, rectangles and spheres.</summary>
public sealed class AxialDiameterTests
{
    [Fact]
    public void A_circle_of_an_even_number_of_points_has_its_diameter()
    {
        var circle = Contour.Closed(ContourShapes.Circle(new Vec3(12, -7, 33.5), 20, points: 256));
        Assert.Equal(40.0, AxialDiameter.LongestMm([circle])!.Value, 9);
    }

    [Fact]
    public void A_circle_of_an_odd_number_of_points_has_the_longest_chord_of_the_inscribed_polygon()
    {
        // Regular n-gon, n odd: the longest chord joins a vertex to the two opposite ones, 2 r cos(pi / 2n).
        const int n = 9;
        var circle = Contour.Closed(ContourShapes.Circle(new Vec3(0, 0, 0), 15, points: n));
        Assert.Equal(2 * 15 * Math.Cos(Math.PI / (2 * n)), AxialDiameter.LongestMm([circle])!.Value, 9);
    }

    [Fact]
    public void A_rectangle_has_its_diagonal_also_when_rotated_in_the_plane()
    {
        Assert.Equal(50.0, AxialDiameter.LongestMm([Contour.Closed(ContourShapes.Rectangle(-15, -20, 15, 20, 4))])!.Value, 9);
        var angle = 0.3;
        var rotated = ContourShapes.Rectangle(-15, -20, 15, 20, 4)
            .Select(p => new Vec3(p.X * Math.Cos(angle) - p.Y * Math.Sin(angle) + 100, p.X * Math.Sin(angle) + p.Y * Math.Cos(angle) - 50, p.Z));
        Assert.Equal(50.0, AxialDiameter.LongestMm([Contour.Closed(rotated)])!.Value, 9);
    }

    [Fact]
    public void The_longest_is_taken_over_the_axial_contours_and_never_between_slices()
    {
        // A sphere of radius 25 mm cut by planes 2.5 mm off its centre: the widest section has radius sqrt(25^2 - 2.5^2);
        // a distance between points of different slices (up to 2 r) must not count.
        var sphere = ContourShapes.Sphere(new Vec3(0, 0, 0), 25, planeSpacingMm: 5, planeOffsetMm: 2.5);
        var expected = 2 * Math.Sqrt(25 * 25 - 2.5 * 2.5);
        Assert.Equal(expected, AxialDiameter.LongestMm(sphere)!.Value, 6);
    }

    [Fact]
    public void A_region_without_an_axial_contour_has_no_diameter()
    {
        var coronal = Contour.Closed([new Vec3(0, 0, 0), new Vec3(30, 0, 0), new Vec3(30, 0, 40), new Vec3(0, 0, 40)]);
        Assert.Null(AxialDiameter.LongestMm([coronal]));
        Assert.Null(AxialDiameter.LongestMm([]));
        Assert.Null(AxialDiameter.LongestMm([new Contour(ContourGeometricType.Point, [new Vec3(1, 2, 3)])]));
    }

    [Fact]
    public void The_hull_shortcut_agrees_with_every_pair_on_random_point_clouds()
    {
        var random = new Random(13);
        for (var trial = 0; trial < 50; trial++)
        {
            var points = Enumerable.Range(0, 3 + random.Next(200))
                .Select(_ => new Vec3(random.NextDouble() * 80 - 40, random.NextDouble() * 60 - 30, 7)).ToList();
            var brute = points.SelectMany(a => points.Select(b => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y)))).Max();
            Assert.Equal(brute, AxialDiameter.LongestChordMm(points), 9);
        }
    }

    [Fact]
    public void The_sorted_distinct_points_equal_what_linq_distinct_and_order_by_gave()
    {
        // The LINQ chain this replaced, on clouds with repeated points, ties in x, signed zeros and a grid of few values.
        static (double X, double Y)[] Linq(IReadOnlyList<Vec3> p) => p.Select(v => (v.X, v.Y)).Distinct().OrderBy(v => v.X).ThenBy(v => v.Y).ToArray();
        var random = new Random(29);
        List<List<Vec3>> clouds =
        [
            [],
            [new Vec3(1, 2, 0)],
            [new Vec3(0.0, 1, 0), new Vec3(-0.0, 1, 0), new Vec3(0.0, -0.0, 0), new Vec3(-0.0, 0.0, 0), new Vec3(0, 1, 0)],
            [new Vec3(double.NaN, 1, 0), new Vec3(2, double.NaN, 0), new Vec3(double.NaN, 1, 0), new Vec3(-1, 4, 0), new Vec3(2, -3, 0), new Vec3(double.NaN, double.NaN, 0)],
        ];
        for (var trial = 0; trial < 40; trial++)
        {
            var values = trial % 2 == 0 ? 5 : 1000; // few distinct values: many duplicates and ties
            clouds.Add([.. Enumerable.Range(0, 1 + random.Next(400)).Select(_ => new Vec3(random.Next(values) * 0.5 - 1, random.Next(values) * 0.25 - 1, 3))]);
        }
        foreach (var cloud in clouds)
        {
            var expected = Linq(cloud);
            var actual = AxialDiameter.SortedDistinct(cloud);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++) Assert.True(expected[i].Equals(actual[i]), $"point {i}: {expected[i]} against {actual[i]}");
        }
    }
}
