using System.Globalization;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// Decision-support flags of one ROI, worded as their sources say it. They inform a physician; they decide nothing.
/// </summary>
public static class DecisionSupport
{
    /// <param name="partialVolume">The lesion's size against the resolution; when in range, the lesion is flagged and its mean-dose flags say so.</param>
    public static IReadOnlyList<RoiFlag> Evaluate(RoiRole role, double meanGy, double volumeMl, double equivalentDiameterMm, DecisionOptions options,
        PartialVolumeAssessment? partialVolume = null)
    {
        var flags = new List<RoiFlag>();
        if (!(volumeMl > 0)) return flags;
        switch (role)
        {
            case RoiRole.Lesion:
                if (equivalentDiameterMm < options.SmallLesionDiameterMm)
                    flags.Add(new RoiFlag(RoiFlagCodes.SmallLesion,
                        F($"Lesion smaller than {options.SmallLesionDiameterMm:G4} mm equivalent diameter ({equivalentDiameterMm:F1} mm): lesions under 1 cm were excluded in Yoo et al. 2021, and partial-volume effects make its mean dose unreliable."),
                        FlagSources.Yoo2021));
                var inPartialVolume = partialVolume is { InRange: true };
                if (inPartialVolume)
                    flags.Add(new RoiFlag(RoiFlagCodes.PartialVolume,
                        F($"Equivalent diameter {partialVolume!.EquivalentDiameterMm:F1} mm is under {partialVolume.DiameterFactor:G3} x the reconstruction's FWHM {partialVolume.FwhmMm:G3} mm ({partialVolume.FwhmSource}): the PET spreads this lesion's activity, so its mean dose is underestimated."),
                        FlagSources.PartialVolume));
                if (meanGy < options.LesionMeanCutoffGy)
                    flags.Add(new RoiFlag(RoiFlagCodes.BelowLocalControlDose,
                        F($"Mean dose {meanGy:F1} Gy is under the {options.LesionMeanCutoffGy:G4} Gy cut-off: below the dose associated with local control in Yoo et al. 2021 (PFS hazard ratio 21.0).")
                        + (inPartialVolume ? " The lesion is in the partial-volume range: the true mean dose may be well above the measured one; do not read this flag without the partial-volume caveat." : ""),
                        FlagSources.Yoo2021));
                break;
            case RoiRole.NormalLiver:
                if (meanGy >= options.NormalLiverLimitGy)
                    flags.Add(new RoiFlag(RoiFlagCodes.NormalLiverAboveLimit,
                        options.Microspheres == MicrosphereType.Glass
                            ? F($"Normal-liver mean dose {meanGy:F1} Gy is not under {options.NormalLiverLimitGy:G4} Gy: EANM 2022 (glass microspheres) recommends a whole normal liver dose < 75 Gy.")
                            : F($"Normal-liver mean dose {meanGy:F1} Gy is not under {options.NormalLiverLimitGy:G4} Gy: EANM 2022 (resin microspheres) recommends a normal liver dose < 40 Gy."),
                        FlagSources.Eanm2022));
                break;
            case RoiRole.Lung:
                if (meanGy >= options.LungLimitPerSessionGy)
                    flags.Add(new RoiFlag(RoiFlagCodes.LungAboveLimit,
                        F($"Lung mean dose {meanGy:F1} Gy is not under {options.LungLimitPerSessionGy:G4} Gy: EANM 2022 limits the lungs to 30 Gy per session (50 Gy cumulative)."),
                        FlagSources.Eanm2022));
                break;
        }
        return flags;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
