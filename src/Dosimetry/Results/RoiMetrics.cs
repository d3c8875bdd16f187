namespace VoxDose.Dosimetry.Results;

/// <summary>One point of a cumulative dose-volume histogram: the percentage of the ROI volume receiving at least DoseGy.</summary>
public readonly record struct DvhPoint(double DoseGy, double VolumePercent);

/// <summary>A flag raised on an ROI, with the source it comes from (e.g. "Yoo et al., Nucl Med Commun 2021").</summary>
public sealed record RoiFlag(string Code, string Message, string Source);

/// <summary>
/// Dose statistics of one region of interest on the dose grid. Volumes are in mL, doses in Gy, V-values in
/// percent of the ROI volume. Statistics are partial-volume weighted.
/// </summary>
public sealed record RoiMetrics
{
    /// <summary>The ROI Name exactly as written in the RTSTRUCT (or a generated name for derived regions).</summary>
    public required string Name { get; init; }
    public required RoiRole Role { get; init; }

    /// <summary>ROI Number (3006,0022) in the RTSTRUCT, or null for derived regions (normal liver, perfused region).</summary>
    public int? RoiNumber { get; init; }

    public required double VolumeMl { get; init; }
    public required double MeanGy { get; init; }
    public required double SdGy { get; init; }

    /// <summary>Coefficient of variation: SD / mean (unitless), NaN when the mean is 0.</summary>
    public required double Cov { get; init; }
    public required double MinGy { get; init; }
    public required double MaxGy { get; init; }
    public required double MedianGy { get; init; }

    /// <summary>Dx: the minimum dose received by the hottest x % of the volume, keyed by x (2, 50, 70, 90, 95, 98).</summary>
    public required IReadOnlyDictionary<int, double> DxGy { get; init; }

    /// <summary>Vy: percent of the volume receiving at least y Gy, keyed by y (70, 100, 120, 150, 205).</summary>
    public required IReadOnlyDictionary<int, double> VxPercent { get; init; }

    /// <summary>
    /// Biologically effective dose for a permanent implant, in Gy: the partial-volume weighted mean of the voxel BED
    /// (alpha/beta and repair half-time of the ROI role); null when not computed.
    /// </summary>
    public double? BedGy { get; init; }

    /// <summary>Niemierko's generalised EUD in Gy, (sum w d^a / sum w)^(1/a) with the role's parameter a; null when not computed.</summary>
    public double? EudGy { get; init; }

    public required IReadOnlyList<DvhPoint> Dvh { get; init; }
    public IReadOnlyList<RoiFlag> Flags { get; init; } = [];

    /// <summary>What was tolerated or skipped when building the region (POINT contours, repeated points, derivation...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Lesions: the size against the reconstruction's resolution; null for other roles or when not assessed.</summary>
    public PartialVolumeAssessment? PartialVolume { get; init; }

    /// <summary>Lesions, when a recovery table is configured: the recovery-corrected mean, reported beside TDv (never instead).</summary>
    public RecoveryCorrectedDose? RecoveryCorrected { get; init; }

    /// <summary>Lesions: the standard uncertainty (k = 1) of the mean dose with its components; null when not computed.</summary>
    public DoseUncertainty? Uncertainty { get; init; }

    /// <summary>
    /// Longest axial diameter in mm from the RTSTRUCT contour points (the greatest distance between two points of one
    /// axial contour, <see cref="Contours.AxialDiameter"/>); null for derived regions or without an axial contour.
    /// </summary>
    public double? LongestAxialDiameterMm { get; init; }

    /// <summary>Equivalent sphere diameter in mm (lesions under 10 mm are flagged as in the study).</summary>
    public double EquivalentDiameterMm => 2.0 * Math.Cbrt(3.0 * VolumeMl * 1000.0 / (4.0 * Math.PI));
}
