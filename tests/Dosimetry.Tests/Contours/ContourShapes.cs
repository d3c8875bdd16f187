using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Contours;

/// <summary>Contours of simple solids for the tests (patient coordinates, mm).</summary>
internal static class ContourShapes
{
    public static List<Vec3> Circle(Vec3 centreMm, double radiusMm, int points = 256, bool clockwise = false)
    {
        var result = new List<Vec3>(points);
        for (var a = 0; a < points; a++)
        {
            var angle = 2 * Math.PI * a / points * (clockwise ? -1 : 1);
            result.Add(centreMm + new Vec3(radiusMm * Math.Cos(angle), radiusMm * Math.Sin(angle), 0));
        }
        return result;
    }

    /// <summary>Area of a regular polygon inscribed in a circle (what a sampled circle really encloses).</summary>
    public static double InscribedArea(double radiusMm, int points = 256) => points / 2.0 * radiusMm * radiusMm * Math.Sin(2 * Math.PI / points);

    /// <summary>Axial circles of a sphere on the planes z = centre.Z + offset + n * spacing that cut it.</summary>
    public static List<Contour> Sphere(Vec3 centreMm, double radiusMm, double planeSpacingMm, double planeOffsetMm = 0)
    {
        var contours = new List<Contour>();
        var nMax = (int)Math.Ceiling(radiusMm / planeSpacingMm) + 1;
        for (var n = -nMax; n <= nMax; n++)
        {
            var dz = planeOffsetMm + n * planeSpacingMm;
            if (Math.Abs(dz) >= radiusMm) continue;
            contours.Add(Contour.Closed(Circle(centreMm + new Vec3(0, 0, dz), Math.Sqrt(radiusMm * radiusMm - dz * dz))));
        }
        return contours;
    }

    public static List<Vec3> Rectangle(double x0, double y0, double x1, double y1, double zMm) =>
        [new(x0, y0, zMm), new(x1, y0, zMm), new(x1, y1, zMm), new(x0, y1, zMm)];

    /// <summary>A grid of the given size centred on the origin with isotropic voxels.</summary>
    public static Volume CentredGrid(int size, double spacingMm, Vec3? row = null, Vec3? column = null)
    {
        var r = (row ?? new Vec3(1, 0, 0)).Normalized();
        var c = (column ?? new Vec3(0, 1, 0)).Normalized();
        var s = r.Cross(c);
        var half = (size - 1) / 2.0 * spacingMm;
        var origin = (r * -half) + (c * -half) + (s * -half);
        return new Volume(size, size, size, new Vec3(spacingMm, spacingMm, spacingMm), origin, r, c);
    }
}
