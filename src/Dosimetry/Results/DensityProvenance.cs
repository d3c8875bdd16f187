using System.Globalization;
using VoxDose.Dosimetry.Physics;

namespace VoxDose.Dosimetry.Results;

/// <summary>
/// Where the tissue density of a dose calculation came from: the PET/CT's CT (which series, which calibration) or soft
/// tissue everywhere, said plainly, with the reason each CT series offered was not used.
/// </summary>
public sealed record DensityProvenance
{
    public required bool CtUsed { get; init; }
    public string? CtSeriesInstanceUid { get; init; }
    public string? CtSeriesDescription { get; init; }

    /// <summary>The HU-to-density calibration in words (name and points); null without a CT.</summary>
    public string? Calibration { get; init; }

    /// <summary>One sentence for the reports: what density the dose and the masses assume.</summary>
    public required string Statement { get; init; }

    /// <summary>Each CT series offered but not used, with the reason (another frame of reference, unreadable, ...).</summary>
    public IReadOnlyList<string> CtNotUsed { get; init; } = [];

    /// <summary>Dose-grid voxels outside the CT's field of view (given soft tissue).</summary>
    public long VoxelsOutsideCt { get; init; }

    /// <summary>"soft tissue (1.04 g/mL) assumed": the words every output uses without a CT.</summary>
    public static string SoftTissueAssumed => string.Create(CultureInfo.InvariantCulture, $"soft tissue ({Y90Constants.SoftTissueDensityGPerCm3:0.00} g/mL) assumed");

    /// <summary>No CT used: soft tissue everywhere, with the reasons.</summary>
    public static DensityProvenance WithoutCt(IReadOnlyList<string> notUsed) => new()
    {
        CtUsed = false,
        Statement = $"No CT used: {SoftTissueAssumed} everywhere, lungs included"
            + (notUsed.Count == 0 ? " (no CT of the PET's frame of reference among the inputs)" : $" ({string.Join("; ", notUsed)})"),
        CtNotUsed = notUsed,
    };
}
