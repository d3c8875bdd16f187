using VoxDose.Dosimetry.Physics;

namespace VoxDose.Dosimetry.Planning;

/// <summary>
/// The partition model of Ho et al. (Eur J Nucl Med 1996;23:947) and its companions, as closed formulas.
/// k = <see cref="Y90Constants.LdmConstantGyKgPerGBq"/> (49.76 Gy kg/GBq: VoxDose's one LDM constant; EANM 2022 quotes 49.67).
/// </summary>
/// <remarks>
/// With counts C_j in compartment j of the liver side (the perfused territory, lesions included) of total C, the
/// activity there is A (1 - LSF) C_j / C and its mean dose D_j = k A (1 - LSF) C_j / (C M_j). For one tumour and one
/// normal compartment this is Ho's D_N = k A (1 - LSF) / (T/N M_T + M_N), D_T = T/N D_N, T/N = (C_T/M_T) / (C_N/M_N).
/// Lungs: D_L = k A LSF / M_L. Glass (single compartment): D = k A (1 - LSF) / M_perfused.
/// </remarks>
public static class PartitionModel
{
    public static double K => Y90Constants.LdmConstantGyKgPerGBq;

    /// <summary>Mean dose (Gy) of a liver-side compartment holding <paramref name="countsFraction"/> of the liver-side counts.</summary>
    public static double CompartmentDoseGy(double activityGBq, double lungShuntFraction, double countsFraction, double massKg) =>
        K * activityGBq * (1 - lungShuntFraction) * countsFraction / massKg;

    /// <summary>Activity (GBq) that gives a compartment the dose <paramref name="doseGy"/> (the inverse of <see cref="CompartmentDoseGy"/>).</summary>
    public static double ActivityForCompartmentDoseGBq(double doseGy, double lungShuntFraction, double countsFraction, double massKg) =>
        doseGy * massKg / (K * (1 - lungShuntFraction) * countsFraction);

    /// <summary>Lung dose (Gy): k A LSF / M_lung.</summary>
    public static double LungDoseGy(double activityGBq, double lungShuntFraction, double lungMassKg) => K * activityGBq * lungShuntFraction / lungMassKg;

    /// <summary>Activity (GBq) giving the lungs <paramref name="doseGy"/>; infinite when LSF is 0.</summary>
    public static double ActivityForLungDoseGBq(double doseGy, double lungShuntFraction, double lungMassKg) =>
        lungShuntFraction > 0 ? doseGy * lungMassKg / (K * lungShuntFraction) : double.PositiveInfinity;

    /// <summary>Ho 1996 normal-compartment dose for one tumour: k A (1 - LSF) / (T/N M_T + M_N).</summary>
    public static double HoNormalDoseGy(double activityGBq, double lungShuntFraction, double tumourToNormal, double tumourMassKg, double normalMassKg) =>
        K * activityGBq * (1 - lungShuntFraction) / (tumourToNormal * tumourMassKg + normalMassKg);

    /// <summary>Single-compartment (glass, MIRD) dose of the perfused volume: k A (1 - LSF) / M_perfused.</summary>
    public static double SingleCompartmentDoseGy(double activityGBq, double lungShuntFraction, double perfusedMassKg) =>
        K * activityGBq * (1 - lungShuntFraction) / perfusedMassKg;

    /// <summary>
    /// Resin BSA method (Sirtex package insert; EANM 2022): A [GBq] = (BSA - 0.2) + V_tumour / (V_tumour + V_normal liver).
    /// </summary>
    public static double BsaActivityGBq(double bodySurfaceAreaM2, double tumourInvolvementFraction) => bodySurfaceAreaM2 - 0.2 + tumourInvolvementFraction;

    /// <summary>DuBois and DuBois (Arch Intern Med 1916) body surface area, m2: 0.20247 H[m]^0.725 W[kg]^0.425.</summary>
    public static double DuBoisBsaM2(double heightM, double weightKg) => 0.20247 * Math.Pow(heightM, 0.725) * Math.Pow(weightKg, 0.425);

    /// <summary>Lung shunt fraction from counts: C_lung / (C_lung + C_liver).</summary>
    public static double LungShuntFraction(double lungCounts, double liverCounts) => lungCounts / (lungCounts + liverCounts);

    /// <summary>Geometric mean of opposed planar views, sqrt(anterior x posterior) (conjugate-view counting).</summary>
    public static double GeometricMean(double anteriorCounts, double posteriorCounts) => Math.Sqrt(anteriorCounts * posteriorCounts);

    /// <summary>Planar LSF from the anterior and posterior counts of lung and liver ROIs: GM_lung / (GM_lung + GM_liver).</summary>
    public static double PlanarLungShuntFraction(double lungAnterior, double lungPosterior, double liverAnterior, double liverPosterior) =>
        LungShuntFraction(GeometricMean(lungAnterior, lungPosterior), GeometricMean(liverAnterior, liverPosterior));
}
