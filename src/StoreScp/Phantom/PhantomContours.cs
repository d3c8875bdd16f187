using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>One closed planar contour of a phantom region: its polygon (patient mm) on one PET plane.</summary>
public sealed record PhantomContour(string RoiName, int SliceIndex, IReadOnlyList<Vec3> PointsMm);

/// <summary>
/// The phantom's contours: on every PET plane crossing a contoured ellipsoid, the intersection ellipse as a polygon
/// (points every 7.5 degrees). The necrotic core is not contoured: it belongs to its lesion, as in clinical practice.
/// </summary>
public static class PhantomContours
{
    public const int PointsPerContour = 48;

    public static IReadOnlyList<PhantomContour> Build(PhantomSpec spec)
    {
        var contours = new List<PhantomContour>();
        foreach (var region in spec.Regions.Where(r => r.Contoured))
        {
            for (var k = 0; k < spec.Slices; k++)
            {
                var z = spec.VoxelCentreMm(0, 0, k).Z;
                var dz = (z - region.CentreMm.Z) / region.SemiAxesMm.Z;
                var scale = 1 - dz * dz;
                if (scale <= 0.01) continue;
                var a = region.SemiAxesMm.X * Math.Sqrt(scale);
                var b = region.SemiAxesMm.Y * Math.Sqrt(scale);
                var points = new Vec3[PointsPerContour];
                for (var p = 0; p < PointsPerContour; p++)
                {
                    var angle = 2 * Math.PI * p / PointsPerContour;
                    points[p] = new Vec3(region.CentreMm.X + a * Math.Cos(angle), region.CentreMm.Y + b * Math.Sin(angle), z);
                }
                contours.Add(new PhantomContour(region.Name, k, points));
            }
        }
        return contours;
    }
}
