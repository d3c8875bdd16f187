using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>
/// An ellipsoid of the phantom (centre and semi-axes in patient mm, axis-aligned) with its activity concentration
/// relative to normal liver. Regions listed later are painted over earlier ones (a necrotic core over its lesion).
/// </summary>
public sealed record PhantomRegion(string Name, string Kind, Vec3 CentreMm, Vec3 SemiAxesMm, double RelativeUptake, bool Contoured = true)
{
    public bool Contains(double x, double y, double z)
    {
        var dx = (x - CentreMm.X) / SemiAxesMm.X;
        var dy = (y - CentreMm.Y) / SemiAxesMm.Y;
        var dz = (z - CentreMm.Z) / SemiAxesMm.Z;
        return dx * dx + dy * dy + dz * dz <= 1.0;
    }

    /// <summary>Analytic volume 4/3 π a b c in mL.</summary>
    public double VolumeMl => 4.0 / 3.0 * Math.PI * SemiAxesMm.X * SemiAxesMm.Y * SemiAxesMm.Z / 1000.0;
}
