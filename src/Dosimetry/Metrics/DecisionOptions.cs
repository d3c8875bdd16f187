namespace VoxDose.Dosimetry.Metrics;

/// <summary>Thresholds of the decision-support flags (sources in docs/contours-and-metrics.md).</summary>
public sealed record DecisionOptions
{
    /// <summary>Lesion mean-dose cut-off: Yoo et al., Nucl Med Commun 2021 (TDv &lt; 81 Gy: PFS hazard ratio 21.0).</summary>
    public double LesionMeanCutoffGy { get; init; } = 81.0;

    /// <summary>Lesions under this equivalent-sphere diameter are flagged (Yoo et al. 2021 excluded lesions &lt; 1 cm).</summary>
    public double SmallLesionDiameterMm { get; init; } = 10.0;

    public MicrosphereType Microspheres { get; init; } = MicrosphereType.Resin;

    /// <summary>EANM 2022, resin, HCC: normal liver &lt; 40 Gy.</summary>
    public double NormalLiverLimitResinGy { get; init; } = 40.0;

    /// <summary>EANM 2022, glass, HCC: whole normal liver &lt; 75 Gy.</summary>
    public double NormalLiverLimitGlassGy { get; init; } = 75.0;

    /// <summary>EANM 2022: lungs 30 Gy per session.</summary>
    public double LungLimitPerSessionGy { get; init; } = 30.0;

    /// <summary>
    /// Activity found in the PET at injection, in percent of the expected activity, below which <c>ACTIVITY_RECOVERY</c> is
    /// raised (VoxDose default; lung shunt and residual are taken out of the expected activity when given).
    /// </summary>
    public double ActivityRecoveryMinPercent { get; init; } = 70.0;

    /// <summary>Upper end of the activity recovery window, percent (VoxDose default).</summary>
    public double ActivityRecoveryMaxPercent { get; init; } = 130.0;

    public double NormalLiverLimitGy => Microspheres == MicrosphereType.Glass ? NormalLiverLimitGlassGy : NormalLiverLimitResinGy;

    public IEnumerable<string> Validate(string path)
    {
        foreach (var (name, value) in new[] { ("LesionMeanCutoffGy", LesionMeanCutoffGy), ("SmallLesionDiameterMm", SmallLesionDiameterMm),
                     ("NormalLiverLimitResinGy", NormalLiverLimitResinGy), ("NormalLiverLimitGlassGy", NormalLiverLimitGlassGy),
                     ("LungLimitPerSessionGy", LungLimitPerSessionGy),
                     ("ActivityRecoveryMinPercent", ActivityRecoveryMinPercent), ("ActivityRecoveryMaxPercent", ActivityRecoveryMaxPercent) })
            if (!(value > 0 && double.IsFinite(value))) yield return $"{path}:{name} must be a positive number, got {value}.";
        if (!(ActivityRecoveryMinPercent < ActivityRecoveryMaxPercent))
            yield return $"{path}:ActivityRecoveryMinPercent ({ActivityRecoveryMinPercent}) must be less than ActivityRecoveryMaxPercent ({ActivityRecoveryMaxPercent}).";
        if (!Enum.IsDefined(Microspheres)) yield return $"{path}:Microspheres must be Resin or Glass, got {Microspheres}.";
    }
}
