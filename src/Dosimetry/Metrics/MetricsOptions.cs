namespace VoxDose.Dosimetry.Metrics;

/// <summary>Which dose-volume metrics are computed, and with which parameters (config section "Metrics").</summary>
public sealed record MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>x of the Dx values (percent of the volume).</summary>
    public IReadOnlyList<int> DxPercents { get; init; } = [2, 50, 70, 90, 95, 98];

    /// <summary>y of the Vy values (Gy).</summary>
    public IReadOnlyList<int> VxThresholdsGy { get; init; } = [70, 100, 120, 150, 205];

    /// <summary>Cumulative DVH bin width (Gy), widened to a 1-2-5 step when the DVH would exceed <see cref="DvhMaxPoints"/>.</summary>
    public double DvhBinWidthGy { get; init; } = 0.1;

    public int DvhMaxPoints { get; init; } = 1000;

    public RadiobiologyOptions Radiobiology { get; init; } = new();
    public DecisionOptions Decision { get; init; } = new();
    public Accuracy.PartialVolumeOptions PartialVolume { get; init; } = new();
    public Accuracy.UncertaintyOptions Uncertainty { get; init; } = new();

    /// <summary>Every configuration error, each naming its path; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string path = SectionName)
    {
        var errors = new List<string>();
        if (DxPercents.Any(x => x is < 0 or > 100)) errors.Add($"{path}:DxPercents must lie in 0..100.");
        if (VxThresholdsGy.Any(y => y < 0)) errors.Add($"{path}:VxThresholdsGy must not be negative.");
        if (!(DvhBinWidthGy > 0)) errors.Add($"{path}:DvhBinWidthGy must be positive, got {DvhBinWidthGy}.");
        if (DvhMaxPoints < 3) errors.Add($"{path}:DvhMaxPoints must be at least 3, got {DvhMaxPoints}.");
        errors.AddRange(Radiobiology.Validate(path + ":Radiobiology"));
        errors.AddRange(Decision.Validate(path + ":Decision"));
        errors.AddRange(PartialVolume.Validate(path + ":PartialVolume"));
        errors.AddRange(Uncertainty.Validate(path + ":Uncertainty"));
        return errors;
    }

    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid metrics options: " + string.Join(" ", errors));
    }
}
