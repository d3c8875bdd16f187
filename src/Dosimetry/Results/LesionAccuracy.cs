namespace VoxDose.Dosimetry.Results;

/// <summary>
/// A lesion's size against the reconstruction's resolution: in the partial-volume range when its equivalent-sphere
/// diameter is under <see cref="LimitMm"/> (a factor times the FWHM), where its mean dose is underestimated.
/// </summary>
public sealed record PartialVolumeAssessment(double EquivalentDiameterMm, double FwhmMm, string FwhmSource, double DiameterFactor)
{
    public double LimitMm => DiameterFactor * FwhmMm;
    public bool InRange => EquivalentDiameterMm < LimitMm;
}

/// <summary>
/// The mean dose corrected with the site's contrast recovery coefficient for the lesion's volume:
/// corrected = background + (TDv - background) / RC (NEMA NU 2 contrast recovery). An estimate reported beside TDv,
/// never instead of it.
/// </summary>
public sealed record RecoveryCorrectedDose(double Rc, double BackgroundGy, double CorrectedMeanGy, string Method);

/// <summary>One component of a lesion dose's uncertainty: its relative and absolute standard uncertainty (k = 1).</summary>
public sealed record UncertaintyComponent(string Code, string Name, double Relative, double Gy, string Detail);

/// <summary>
/// The standard uncertainty (k = 1) of a lesion's mean dose (TDv), combined in quadrature from independent components
/// (Gear et al., EJNMMI 2018;45:2456).
/// </summary>
public sealed record DoseUncertainty(IReadOnlyList<UncertaintyComponent> Components)
{
    public double CombinedGy => Math.Sqrt(Components.Sum(c => c.Gy * c.Gy));

    public UncertaintyComponent? this[string code] => Components.FirstOrDefault(c => c.Code == code);
}

/// <summary>Stable codes of the uncertainty components.</summary>
public static class UncertaintyCodes
{
    public const string Calibration = "calibration";
    public const string Timing = "timing";
    public const string HalfLife = "halfLife";
    public const string Noise = "noise";
    public const string Contour = "contour";
}
