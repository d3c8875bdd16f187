using System.Globalization;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// Study-level QA flags: activity recovered in the PET against the administered activity, and the Y-90 half-life
/// override. Flags inform; they decide nothing.
/// </summary>
public static class StudyQaFlags
{
    public const string RecoverySource =
        "VoxDose QA check (window Metrics:Decision:ActivityRecoveryMinPercent/MaxPercent): activity recovered in the PET field of view vs the administered activity less residual and lung shunt";

    /// <summary>Every study-level flag for a dose calculation.</summary>
    /// <param name="headerTotalDoseBq">Radionuclide Total Dose (0018,1074) in Bq, used when no administered activity is configured.</param>
    public static IReadOnlyList<RoiFlag> Evaluate(DoseMapResult dose, double? headerTotalDoseBq, DecisionOptions decision)
    {
        ArgumentNullException.ThrowIfNull(dose);
        ArgumentNullException.ThrowIfNull(decision);
        var flags = new List<RoiFlag>();
        var o = dose.Options;
        var (administeredMBq, from) = o.AdministeredActivityMBq is { } configured
            ? (configured, "configured administered activity")
            : headerTotalDoseBq is > 0 ? (headerTotalDoseBq.Value * 1e-6, "Radionuclide Total Dose (0018,1074)") : ((double?)null, "");
        if (ActivityRecovery(dose.TotalActivityAtInjectionMBq, administeredMBq, from, o.ResidualActivityMBq ?? 0, o.LungShuntFraction ?? 0, decision) is { } recovery)
            flags.Add(recovery);
        if (dose.Y90.HalfLifeOverride is { } overridden)
            flags.Add(new RoiFlag(StudyFlagCodes.HalfLifeOverridden, overridden, "VoxDose (Y-90 half-life 230 580 s, ENSDF)"));
        return flags;
    }

    /// <summary>
    /// The recovery flag: found / expected outside [min, max] %, with expected = (administered − residual) × (1 − lung shunt)
    /// (the activity expected in the liver); a note when the administered activity is unknown; null when within the window.
    /// </summary>
    public static RoiFlag? ActivityRecovery(double foundMBq, double? administeredMBq, string administeredFrom, double residualMBq, double lungShuntFraction,
        DecisionOptions decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var inv = CultureInfo.InvariantCulture;
        if (administeredMBq is not > 0)
            return new RoiFlag(StudyFlagCodes.AdministeredActivityUnknown, string.Create(inv,
                $"Administered activity unknown (no Radionuclide Total Dose (0018,1074), none configured): the {foundMBq:0.0} MBq found in the PET field of view at injection was not checked against it"),
                RecoverySource);
        var expectedMBq = (administeredMBq.Value - residualMBq) * (1 - lungShuntFraction);
        var percent = 100 * foundMBq / expectedMBq;
        if (percent >= decision.ActivityRecoveryMinPercent && percent <= decision.ActivityRecoveryMaxPercent) return null;
        var expected = residualMBq > 0 || lungShuntFraction > 0
            ? string.Create(inv, $"the {expectedMBq:0.0} MBq expected in the liver ({administeredFrom} {administeredMBq:0.0} MBq − residual {residualMBq:0.0} MBq) × (1 − lung shunt {lungShuntFraction:0.000})")
            : string.Create(inv, $"the {administeredFrom} {administeredMBq:0.0} MBq");
        return new RoiFlag(StudyFlagCodes.ActivityRecovery, string.Create(inv,
            $"Activity in the PET field of view at injection {foundMBq:0.0} MBq = {percent:0.0} % of {expected}, outside {decision.ActivityRecoveryMinPercent:0.#}-{decision.ActivityRecoveryMaxPercent:0.#} %: check the administered activity, the injection time, the PET calibration and the field of view"),
            RecoverySource);
    }
}
