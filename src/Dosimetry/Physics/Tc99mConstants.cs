namespace VoxDose.Dosimetry.Physics;

/// <summary>
/// Tc-99m facts for recognising a pre-treatment MAA scan, each with its source. The plan uses count ratios only, so no
/// calibration factor lives here.
/// </summary>
public static class Tc99mConstants
{
    /// <summary>Tc-99m half-life, 6.0067 h = 21 624 s. Source: ENSDF (NNDC), evaluated nuclear structure data for A = 99.</summary>
    public const double HalfLifeS = 6.0067 * 3600.0;

    /// <summary>Tolerance on a header half-life read as Tc-99m: +/- 1 % (the next SPECT nuclide, In-111, is 67.3 h; I-123 13.2 h).</summary>
    public const double HalfLifeToleranceFraction = 0.01;

    /// <summary>Tc-99m photopeak, 140.511 keV (ENSDF gamma line of the 142.7 keV isomeric transition cascade).</summary>
    public const double PhotopeakKeV = 140.511;

    /// <summary>^99m^Technetium in CID 18 "Isotopes in Radiopharmaceuticals" (DICOM PS3.16): SCT 72454006.</summary>
    public const string SctCode = "72454006";

    /// <summary>Legacy SNOMED-RT code of ^99m^Technetium (scheme SRT), as older headers write it: C-163A8 (PS3.16 SNOMED mapping).</summary>
    public const string SrtCode = "C-163A8";

    /// <summary>
    /// Macroaggregated albumin in CID 25 "Radiopharmaceuticals" (PS3.16): "Technetium Tc^99m^ aggregated albumin"
    /// SCT 85693008 (legacy SRT C-B1200) and "Technetium Tc^99m^ microaggregated albumin" SCT 81761004 (legacy C-B1203).
    /// </summary>
    public static readonly IReadOnlySet<string> MaaCodes = new HashSet<string>(StringComparer.Ordinal) { "85693008", "C-B1200", "81761004", "C-B1203" };

    /// <summary>Whether a half-life (s) is within tolerance of Tc-99m's.</summary>
    public static bool IsTc99mHalfLife(double halfLifeS) =>
        Math.Abs(halfLifeS - HalfLifeS) <= HalfLifeToleranceFraction * HalfLifeS;

    /// <summary>Whether an energy window [lower, upper] keV contains the 140.5 keV photopeak.</summary>
    public static bool WindowContainsPhotopeak(double lowerKeV, double upperKeV) => lowerKeV <= PhotopeakKeV && PhotopeakKeV <= upperKeV && upperKeV - lowerKeV < 100;
}
