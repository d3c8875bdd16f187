namespace VoxDose.Reporting.Model;

/// <summary>Quality checks printed in the report and written to the SR.</summary>
public sealed record QaSummary
{
    /// <summary>Total activity found in the PET (decay-corrected to administration), in Bq.</summary>
    public required double ActivityFoundBq { get; init; }

    /// <summary>Administered activity from the DICOM header or the user, in Bq; null when unknown.</summary>
    public double? AdministeredActivityBq { get; init; }

    /// <summary>How Y-90 was recognised (radionuclide code, half-life within tolerance, description), in words.</summary>
    public required string Y90Recognition { get; init; }

    /// <summary>Half-life used for decay correction and cumulation, in seconds.</summary>
    public double? HalfLifeS { get; init; }

    /// <summary>Further free-text QA remarks (e.g. "Decay Correction START, corrected to administration").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Found / administered activity, as a ratio; null when the administered activity is unknown or zero.</summary>
    public double? RecoveryRatio => AdministeredActivityBq is > 0 ? ActivityFoundBq / AdministeredActivityBq.Value : null;
}
