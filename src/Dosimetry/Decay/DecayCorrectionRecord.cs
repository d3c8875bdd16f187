namespace VoxDose.Dosimetry.Decay;

/// <summary>
/// How the stored activity was brought back to the injection time, for the audit. Factors multiply the stored
/// activity concentration to give the activity concentration at injection.
/// </summary>
public sealed record DecayCorrectionRecord
{
    public required DecayCorrectionMode Mode { get; init; }
    public required DateTime InjectionDateTime { get; init; }

    /// <summary>The time the scanner's values refer to (START: acquisition start by <see cref="ReferenceRule"/>; ADMIN: injection; NONE: the earliest acquisition).</summary>
    public required DateTime ReferenceDateTime { get; init; }

    /// <summary>The acquisition start used to undo a correction made with a wrong half-life (ADMIN).</summary>
    public required DateTime AcquisitionStartDateTime { get; init; }

    /// <summary>Which header time was taken as the reference and why.</summary>
    public required string ReferenceRule { get; init; }

    /// <summary>Half-life the scanner used for its own correction (the header's, or Y-90's when absent), s.</summary>
    public required double ScannerHalfLifeS { get; init; }

    /// <summary>Half-life used to go back to injection (Y-90's), s.</summary>
    public required double HalfLifeS { get; init; }

    /// <summary>Factor from stored values to activity at injection (for NONE: at <see cref="ReferenceDateTime"/>; slices acquired later get their own).</summary>
    public required double FactorToInjection { get; init; }

    /// <summary>Seconds from injection to the acquisition start (negative would be an error).</summary>
    public double InjectionToAcquisitionS => (AcquisitionStartDateTime - InjectionDateTime).TotalSeconds;
}
