using VoxDose.Dosimetry.Decay;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Dose;

/// <summary>In-memory PET phantoms with a known activity at injection.</summary>
internal static class Phantoms
{
    public const double Y90HalfLifeS = 64.05 * 3600; // literal on purpose: independent of the product's constant
    public static readonly DateTime Injection = new(2025, 3, 4, 9, 30, 0);
    public static readonly DateTime Acquisition = Injection.AddHours(20);

    /// <summary>A uniform sphere of <paramref name="c0BqPerMl"/> at injection, stored START-corrected to the acquisition.</summary>
    public static PetSeries Sphere(int n, double spacingMm, double radiusMm, double c0BqPerMl, Vec3? spacing = null)
    {
        var s = spacing ?? new Vec3(spacingMm, spacingMm, spacingMm);
        var volume = new Volume(n, n, n, s, new Vec3(0, 0, 0), frameOfReferenceUid: "1.2.3");
        var stored = c0BqPerMl * Math.Pow(2, -(Acquisition - Injection).TotalSeconds / Y90HalfLifeS);
        var c = (n - 1) / 2.0;
        for (var z = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++)
                {
                    var r = Math.Sqrt(Sq((x - c) * s.X) + Sq((y - c) * s.Y) + Sq((z - c) * s.Z));
                    if (r <= radiusMm) volume[x, y, z] = (float)stored;
                }
        return new PetSeries { ActivityBqPerMl = volume, Header = Header("START") };
    }

    public static PetAcquisitionHeader Header(string mode) => new()
    {
        Units = "BQML",
        DecayCorrection = mode,
        SeriesDateTime = Acquisition,
        EarliestAcquisitionDateTime = Acquisition,
        InjectionDateTime = Injection,
        RadionuclideHalfLifeS = 230580,
        RadionuclideCodeValue = "14691008",
        RadionuclideCodingScheme = "SCT",
    };

    private static double Sq(double v) => v * v;
}
