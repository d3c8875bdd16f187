using VoxDose.Dosimetry.Metrics;

namespace VoxDose.Dosimetry.Planning;

/// <summary>
/// What a pre-treatment plan computes with. The microsphere type and the EANM 2022 limits come from the same
/// <see cref="DecisionOptions"/> the post-treatment flags use (one owner per fact).
/// </summary>
public sealed record PlanningOptions
{
    public const string SectionName = "Planning";

    /// <summary>Tumour dose the prescription aims at, Gy: 120 Gy, the resin threshold of EANM 2022 (100-120 Gy) and the median TDp of Yoo et al. 2021.</summary>
    public double TargetTumourGy { get; init; } = 120.0;

    /// <summary>Administered activity given by the user (MBq); when null the plan prescribes one.</summary>
    public double? AdministeredActivityMBq { get; init; }

    /// <summary>Lung shunt fraction given by configuration or the command line (0-1); overrides the images.</summary>
    public double? LungShuntFraction { get; init; }

    /// <summary>Lung mass for the partition-model lung dose, kg: 1 kg, the conventional value of Ho 1996 (EANM 2022 prefers a CT-derived mass).</summary>
    public double LungMassKg { get; init; } = 1.0;

    /// <summary>Body surface area for the resin BSA method, m2; when null it is taken from Patient's Size and Weight (DuBois) when present.</summary>
    public double? BodySurfaceAreaM2 { get; init; }

    /// <summary>ROI name patterns (regular expressions, case-insensitive) of the perfused territory (the liver volume the catheter position feeds).</summary>
    public IReadOnlyList<string> PerfusedTerritoryPatterns { get; init; } = [@"perfus", @"territor", @"\bvascular\b"];

    public DecisionOptions Decision { get; init; } = new();

    public MetricsOptions Metrics { get; init; } = new();

    public IReadOnlyList<string> Validate(string path = SectionName)
    {
        var errors = new List<string>();
        if (!(TargetTumourGy > 0 && TargetTumourGy < 2000)) errors.Add($"{path}:TargetTumourGy must be in (0, 2000) Gy, got {TargetTumourGy}.");
        if (AdministeredActivityMBq is { } a && !(a > 0 && a < 1e5)) errors.Add($"{path}:AdministeredActivityMBq must be positive (MBq), got {a}.");
        if (LungShuntFraction is { } l && !(l >= 0 && l < 1)) errors.Add($"{path}:LungShuntFraction must be in [0, 1), got {l}.");
        if (!(LungMassKg > 0 && LungMassKg < 10)) errors.Add($"{path}:LungMassKg must be in (0, 10) kg, got {LungMassKg}.");
        if (BodySurfaceAreaM2 is { } b && !(b > 0.2 && b < 4)) errors.Add($"{path}:BodySurfaceAreaM2 must be in (0.2, 4) m2, got {b}.");
        errors.AddRange(Decision.Validate(path + ":Decision"));
        errors.AddRange(Metrics.Validate(path + ":Metrics"));
        return errors;
    }
}
