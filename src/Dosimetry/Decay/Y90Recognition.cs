namespace VoxDose.Dosimetry.Decay;

/// <summary>
/// Whether a series is Y-90 and why, and which half-life the dosimetry uses. When the header half-life is not
/// Y-90's (typically F-18's 6586.2 s left in place on a Y-90 scan) and the series is Y-90 by code or text, the
/// Y-90 half-life is used and <see cref="HalfLifeOverride"/> says so.
/// </summary>
public sealed record Y90Recognition
{
    public required bool IsY90 { get; init; }

    /// <summary>Each piece of evidence found, e.g. "radionuclide code 14691008 (SCT)".</summary>
    public required IReadOnlyList<string> Evidence { get; init; }

    /// <summary>Radionuclide Half Life as written in the header (s), or null.</summary>
    public double? HeaderHalfLifeS { get; init; }

    /// <summary>The half-life used for decay correction to injection and for the cumulated activity (s).</summary>
    public required double HalfLifeUsedS { get; init; }

    /// <summary>Where <see cref="HalfLifeUsedS"/> comes from ("header", or the ENSDF constant and why).</summary>
    public required string HalfLifeSource { get; init; }

    /// <summary>Set when the header's half-life was rejected: what was found and what was used instead.</summary>
    public string? HalfLifeOverride { get; init; }

    /// <summary>Other inconsistencies found (e.g. a non-Y-90 code on a series whose half-life is Y-90's).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string Summary => IsY90
        ? "Y-90 recognized by " + string.Join("; ", Evidence) + (HalfLifeOverride is null ? "" : ". " + HalfLifeOverride)
        : "not recognized as Y-90: " + string.Join("; ", Evidence);
}
