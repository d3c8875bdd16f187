namespace VoxDose.Dosimetry.Accuracy;

/// <summary>
/// Standard uncertainties (k = 1) of the inputs of a lesion dose, after the EANM practical guidance on uncertainty
/// analysis for molecular radiotherapy absorbed dose calculations (Gear et al., EJNMMI 2018;45:2456). The defaults are
/// VoxDose's, meant to be replaced by the site's own figures.
/// </summary>
public sealed record UncertaintyOptions
{
    /// <summary>
    /// Relative standard uncertainty of the activity scale (PET quantification, or the radionuclide calibrator when the
    /// map is scaled to the administered activity): 0.05. The 2017 Y-90 PET phantom validation (EJNMMI Res, doi
    /// 10.1186/s13550-017-0341-9) quotes 5 % for the clinical radionuclide calibrator.
    /// </summary>
    public double ActivityCalibrationRelative { get; init; } = 0.05;

    /// <summary>Standard uncertainty of the injection-to-scan interval, s: 300 (injection times are written by hand to the minute, over a procedure of minutes).</summary>
    public double TimingS { get; init; } = 300;

    /// <summary>Standard uncertainty of the Y-90 half-life, s: 180 (0.05 h; ENSDF 64.05 h, DDEP 64.04 h, scanners write 64.0-64.1 h).</summary>
    public double HalfLifeS { get; init; } = 180;

    public IEnumerable<string> Validate(string path)
    {
        if (!(ActivityCalibrationRelative is >= 0 and < 1)) yield return $"{path}:ActivityCalibrationRelative must be in [0, 1), got {ActivityCalibrationRelative}.";
        if (!(TimingS is >= 0 and <= 86400)) yield return $"{path}:TimingS must be in 0-86400 s, got {TimingS}.";
        if (!(HalfLifeS is >= 0 and <= 23058)) yield return $"{path}:HalfLifeS must be in 0-23058 s (10 % of the half-life), got {HalfLifeS}.";
    }
}
