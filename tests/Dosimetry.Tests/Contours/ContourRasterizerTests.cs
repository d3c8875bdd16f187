using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Contours;

public class ContourRasterizerTests
{
    [Theory]
    [InlineData(15.0, 4.0, 0.0)]
    [InlineData(15.0, 4.0, 2.0)]
    [InlineData(20.0, 4.0, 1.3)]
    [InlineData(30.0, 2.5, 0.7)]
    public void Contoured_sphere_volume_is_within_1_percent_of_four_thirds_pi_r_cubed(double radiusMm, double planeSpacingMm, double offsetMm)
    {
        var grid = ContourShapes.CentredGrid(31, 4.0);
        var contours = ContourShapes.Sphere(new Vec3(1.1, -0.7, 0.4), radiusMm, planeSpacingMm, offsetMm);

        var mask = ContourRasterizer.Rasterize(grid, contours);

        var expectedMl = 4.0 / 3.0 * Math.PI * Math.Pow(radiusMm, 3) / 1000.0;
        Assert.InRange(mask.VolumeMl / expectedMl, 0.99, 1.01);
        Assert.False(mask.ExtendsBeyondGrid);
    }

    [Fact]
    public void Sphere_volume_holds_on_a_grid_rotated_in_plane_and_on_an_oblique_grid()
    {
        var contours = ContourShapes.Sphere(new Vec3(0, 0, 0), 18, 3.0, 0.5);
        var expectedMl = 4.0 / 3.0 * Math.PI * Math.Pow(18, 3) / 1000.0;

        var rotatedInPlane = ContourShapes.CentredGrid(25, 4.0, new Vec3(1, 0.5, 0), new Vec3(-0.5, 1, 0));
        Assert.InRange(ContourRasterizer.Rasterize(rotatedInPlane, contours).VolumeMl / expectedMl, 0.99, 1.01);

        var tilted = ContourShapes.CentredGrid(25, 4.0, new Vec3(1, 0, 0), new Vec3(0, Math.Cos(0.5), Math.Sin(0.5)));
        Assert.InRange(ContourRasterizer.Rasterize(tilted, contours).VolumeMl / expectedMl, 0.98, 1.02);
    }

    [Fact]
    public void Ring_has_the_annulus_volume_and_an_empty_centre()
    {
        var grid = ContourShapes.CentredGrid(21, 2.0);
        var contours = new List<Contour>();
        foreach (var z in new[] { -4.0, -2.0, 0.0, 2.0, 4.0 })
        {
            contours.Add(Contour.Closed(ContourShapes.Circle(new Vec3(0, 0, z), 16)));
            contours.Add(Contour.Closed(ContourShapes.Circle(new Vec3(0, 0, z), 8)));
        }

        var mask = ContourRasterizer.Rasterize(grid, contours);

        var expectedMl = (ContourShapes.InscribedArea(16) - ContourShapes.InscribedArea(8)) * 10.0 / 1000.0;
        Assert.Equal(expectedMl, mask.VolumeMl, expectedMl * 0.005);
        Assert.Equal(0f, mask.Weights[10, 10, 10]);
        Assert.Equal(1f, mask.Weights[10 + 6, 10, 10]);
        Assert.Equal(0f, mask.Weights[10, 10, 10 + 3]);
    }

    [Fact]
    public void Hole_is_a_hole_whatever_the_winding()
    {
        var grid = ContourShapes.CentredGrid(21, 2.0);
        List<Contour> Build(bool holeClockwise) =>
        [
            Contour.Closed(ContourShapes.Circle(new Vec3(0, 0, 0), 16)),
            Contour.Closed(ContourShapes.Circle(new Vec3(0, 0, 0), 8, clockwise: holeClockwise)),
        ];

        var same = ContourRasterizer.Rasterize(grid, Build(false));
        var opposite = ContourRasterizer.Rasterize(grid, Build(true));

        Assert.Equal(same.Weights.Voxels, opposite.Weights.Voxels);
        Assert.Equal(0f, same.Weights[10, 10, 10]);
    }

    [Fact]
    public void Several_contours_on_one_plane_add_up()
    {
        var grid = ContourShapes.CentredGrid(21, 2.0);
        var left = Contour.Closed(ContourShapes.Rectangle(-15, -5, -5, 5, 0));
        var right = Contour.Closed(ContourShapes.Rectangle(5, -5, 13, 5, 0));

        var both = ContourRasterizer.Rasterize(grid, [left, right]);

        // One plane: the slab is one voxel thickness (2 mm).
        Assert.Equal((100 + 80) * 2.0 / 1000.0, both.VolumeMl, 1e-9);
        Assert.Equal(ContourRasterizer.Rasterize(grid, [left]).VolumeMl + ContourRasterizer.Rasterize(grid, [right]).VolumeMl, both.VolumeMl, 1e-9);
    }

    [Fact]
    public void Partial_voxels_get_the_covered_fraction()
    {
        // 1 mm voxels, centres at 0, 1, 2...: the rectangle covers x 0.0..2.25 and y -0.5..0.5 on the plane z = 0.
        var grid = new Volume(5, 3, 3, new Vec3(1, 1, 1), new Vec3(0, 0, -1));
        var mask = ContourRasterizer.Rasterize(grid, [Contour.Closed(ContourShapes.Rectangle(0.0, -0.5, 2.25, 0.5, 0))]);

        Assert.Equal(0.5f, mask.Weights[0, 0, 1], 6);
        Assert.Equal(1.0f, mask.Weights[1, 0, 1], 6);
        Assert.Equal(0.75f, mask.Weights[2, 0, 1], 6);
        Assert.Equal(0f, mask.Weights[3, 0, 1]);
        Assert.Equal(0f, mask.Weights[1, 1, 1]);
        Assert.Equal(0f, mask.Weights[1, 0, 0]);
        Assert.True(mask.ExtendsBeyondGrid is false);
    }

    [Fact]
    public void Contours_off_the_slice_centres_cover_their_slab_between_neighbours()
    {
        // Slices at z = 0, 2, 4, 6 mm; contour planes at 1 and 3 mm (spacing 2): slabs 0..2 and 2..4.
        var grid = new Volume(4, 4, 4, new Vec3(2, 2, 2), new Vec3(0, 0, 0));
        var contours = new[] { 1.0, 3.0 }.Select(z => Contour.Closed(ContourShapes.Rectangle(-1, -1, 7, 7, z))).ToList();

        var mask = ContourRasterizer.Rasterize(grid, contours);

        Assert.Equal(0.5f, mask.Weights[1, 1, 0], 6);
        Assert.Equal(1.0f, mask.Weights[1, 1, 1], 6);
        Assert.Equal(0.5f, mask.Weights[1, 1, 2], 6);
        Assert.Equal(0f, mask.Weights[1, 1, 3]);
        Assert.Equal(4 * 4 * 2 * 8.0 / 1000.0, mask.VolumeMl, 1e-9);
    }

    [Fact]
    public void A_wide_gap_between_planes_is_not_bridged()
    {
        // Planes at 0, 2, 4 and 20 mm: the last plane stands alone and covers only half a spacing on each side.
        var grid = new Volume(4, 4, 13, new Vec3(2, 2, 2), new Vec3(0, 0, 0));
        var contours = new[] { 0.0, 2.0, 4.0, 20.0 }.Select(z => Contour.Closed(ContourShapes.Rectangle(-1, -1, 7, 7, z))).ToList();

        var mask = ContourRasterizer.Rasterize(grid, contours);

        Assert.Equal(1f, mask.Weights[1, 1, 2]);
        Assert.Equal(0f, mask.Weights[1, 1, 3]);
        Assert.Equal(0f, mask.Weights[1, 1, 8]);
        Assert.Equal(1f, mask.Weights[1, 1, 10]);
        Assert.Equal(0f, mask.Weights[1, 1, 11]);
        Assert.False(mask.ExtendsBeyondGrid); // the first slab starts at -1 mm, exactly the grid's edge
    }

    [Fact]
    public void Duplicated_closing_points_change_nothing()
    {
        var grid = ContourShapes.CentredGrid(21, 2.0);
        var circle = ContourShapes.Circle(new Vec3(0, 0, 0), 12, 64);
        var duplicated = new List<Vec3>();
        foreach (var p in circle) { duplicated.Add(p); duplicated.Add(p); }
        duplicated.Add(circle[0]);

        var plain = ContourRasterizer.Rasterize(grid, [Contour.Closed(circle)]);
        var repeated = ContourRasterizer.Rasterize(grid, [Contour.Closed(duplicated)]);

        Assert.Equal(plain.Weights.Voxels, repeated.Weights.Voxels);
        Assert.True(plain.VolumeMl > 0);
    }

    [Fact]
    public void A_contour_exported_twice_does_not_cancel_itself()
    {
        var grid = ContourShapes.CentredGrid(21, 2.0);
        var circle = ContourShapes.Circle(new Vec3(0, 0, 0), 12, 64);
        var reversedCopy = Enumerable.Reverse(circle).ToList();

        var once = ContourRasterizer.Rasterize(grid, [Contour.Closed(circle)]);
        var twice = ContourRasterizer.Rasterize(grid, [Contour.Closed(circle), Contour.Closed(reversedCopy)]);

        Assert.Equal(once.Weights.Voxels, twice.Weights.Voxels);
        Assert.Contains(twice.Notes, n => n.Contains("repeats another contour", StringComparison.Ordinal));
    }

    [Fact]
    public void Point_and_open_contours_are_skipped_with_a_note()
    {
        var grid = ContourShapes.CentredGrid(21, 2.0);
        var square = ContourShapes.Rectangle(-5, -5, 5, 5, 0);
        var contours = new List<Contour>
        {
            Contour.Closed(square),
            new(ContourGeometricType.Point, [new Vec3(0, 0, 2)]),
            new(ContourGeometricType.OpenPlanar, ContourShapes.Rectangle(-15, -15, 15, 15, 4)),
            new(ContourGeometricType.OpenNonplanar, [new Vec3(0, 0, 0), new Vec3(1, 1, 1), new Vec3(2, 0, 3)]),
        };

        var mask = ContourRasterizer.Rasterize(grid, contours);

        Assert.Equal(ContourRasterizer.Rasterize(grid, [Contour.Closed(square)]).Weights.Voxels, mask.Weights.Voxels);
        Assert.Equal(3, mask.Notes.Count(n => n.Contains("skipped", StringComparison.Ordinal)));
        Assert.Contains(mask.Notes, n => n.Contains("Point", StringComparison.Ordinal));
    }

    [Fact]
    public void Degenerate_contours_give_an_empty_mask_with_notes()
    {
        var grid = ContourShapes.CentredGrid(11, 2.0);
        var mask = ContourRasterizer.Rasterize(grid, [Contour.Closed([new Vec3(0, 0, 0), new Vec3(1, 0, 0), new Vec3(0, 0, 0)])]);
        Assert.True(mask.IsEmpty);
        Assert.Contains(mask.Notes, n => n.Contains("fewer than 3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_region_larger_than_the_grid_is_flagged()
    {
        var grid = ContourShapes.CentredGrid(11, 2.0);
        var mask = ContourRasterizer.Rasterize(grid, ContourShapes.Sphere(new Vec3(0, 0, 0), 30, 2));
        Assert.True(mask.ExtendsBeyondGrid);
        Assert.Equal(11 * 11 * 11 * 8 / 1000.0, mask.VolumeMl, 1e-6);
    }
}
