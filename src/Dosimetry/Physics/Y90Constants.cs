namespace VoxDose.Dosimetry.Physics;

/// <summary>
/// Every physical constant the dosimetry uses, in one place, each with its source. Nothing else in VoxDose
/// writes these numbers.
/// </summary>
public static class Y90Constants
{
    /// <summary>Y-90 half-life, 64.05 h = 230 580 s. Source: ENSDF (NNDC), evaluated nuclear structure data for A = 90.</summary>
    public const double HalfLifeS = 64.05 * 3600.0;

    /// <summary>
    /// Window of half-lives accepted as Y-90 in a header, in seconds: 64.05 h +/- 0.5 %. Scanners write values
    /// from 230 400 s to 230 760 s (64.0-64.1 h); the window leaves room for rounding while excluding every
    /// other PET/SPECT nuclide (the nearest, Cu-64, is 12.7 h).
    /// </summary>
    public const double HalfLifeToleranceFraction = 0.005;

    /// <summary>F-18 half-life, 109.77 min = 6586.2 s (ENSDF). Written by mistake in many Y-90 PET headers.</summary>
    public const double F18HalfLifeS = 6586.2;

    /// <summary>
    /// Mean energy emitted per Y-90 decay as electrons (beta spectrum), 0.9336 MeV. Source: Graves et al., Med Phys
    /// 2019 (ICRP-107 spectrum), the total of their dose point kernel. Used for the local deposition method and the
    /// energy balance.
    /// </summary>
    public const double MeanBetaEnergyMeV = 0.9336;

    /// <summary>
    /// The EANM 2022 guideline's (and Kao 2013's) local deposition constant, 49.67 Gy kg / GBq: NOT used for any dose.
    /// VoxDose has ONE LDM constant, <see cref="LdmConstantGyKgPerGBq"/> (49.76), derived from the same half-life and
    /// mean energy as the kernels so that LDM and VSV deposit the same energy; the quoted value is 0.2 % lower (an older
    /// mean beta energy) and is kept only so the tests can show the two agree within 0.5 % (docs/dosimetry.md).
    /// </summary>
    public const double LdmConstantGyKgPerGBqEanmQuoted = 49.67;

    /// <summary>Soft-tissue density in g/cm3 (= g/mL): 1.04, the density of the Lanconelli 2012 soft-tissue VSV database (ICRU 44 soft tissue).</summary>
    public const double SoftTissueDensityGPerCm3 = 1.04;

    /// <summary>
    /// Electrons per gram of soft tissue relative to water, 0.9907: Z/A of ICRU Report 44 soft tissue (H 10.2, C 14.3,
    /// N 3.4, O 70.8, Na 0.2, P 0.3, S 0.3, Cl 0.2, K 0.3 % by mass) is 0.54995, water's 0.55509. Electron ranges scale
    /// with electron density (the mean excitation energies are alike: 74.9 vs 75 eV), so the water kernel's radii are
    /// divided by ρ x 0.9907 rather than ρ. With 1.04 g/cm3 this range density of 1.030 g/cm3 brings the 5 mm S200-S211
    /// of Lanconelli 2012 from -6..-12 % to -1..-4 %; 1.0 gives the plain ρ² D_water(ρ r) scaling.
    /// </summary>
    public const double SoftTissueRelativeElectronsPerGram = 0.54995 / 0.55509;

    /// <summary>Joules per MeV: 1.602176634e-13 (SI 2019 exact elementary charge x 1e6).</summary>
    public const double JoulesPerMeV = 1.602176634e-13;

    /// <summary>Y-90 radionuclide code in the Radionuclide Code Sequence (SNOMED CT).</summary>
    public const string SctCode = "14691008";

    /// <summary>Legacy SNOMED-RT code for Y-90 (scheme SRT).</summary>
    public const string SrtCode = "C-162A7";

    /// <summary>Decay constant λ = ln 2 / T½ in 1/s.</summary>
    public static double DecayConstantPerS => Math.Log(2.0) / HalfLifeS;

    /// <summary>Mean life T½ / ln 2 in seconds: the number of decays per becquerel integrated to infinity.</summary>
    public static double MeanLifeS => HalfLifeS / Math.Log(2.0);

    /// <summary>
    /// THE local deposition constant, Gy kg per GBq injected and fully decayed in place: 1e9 x T½/ln2 x E x 1.602e-13 J/MeV
    /// = 49.76 Gy kg/GBq, from <see cref="HalfLifeS"/> (ENSDF) and <see cref="MeanBetaEnergyMeV"/> (Graves et al., Med Phys 2019,
    /// ICRP-107 spectrum). Every LDM dose, report and the phantom's truth use it.
    /// </summary>
    public static double LdmConstantGyKgPerGBq => 1e9 * MeanLifeS * MeanBetaEnergyMeV * JoulesPerMeV;

    /// <summary>Whether a half-life (s) is within tolerance of Y-90's.</summary>
    public static bool IsY90HalfLife(double halfLifeS) =>
        Math.Abs(halfLifeS - HalfLifeS) <= HalfLifeToleranceFraction * HalfLifeS;
}
