namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// The perfused region used when no RTSTRUCT applies: voxels whose activity, after a 3 x 3 x 3 mean filter, is at
/// least <see cref="ThresholdFractionOfMax"/> of the filtered maximum.
/// </summary>
public sealed record PerfusedRegionOptions
{
    public double ThresholdFractionOfMax { get; init; } = 0.10;

    /// <summary>Apply the 3 x 3 x 3 mean filter before thresholding (suppresses single noisy voxels).</summary>
    public bool Smooth { get; init; } = true;

    public IEnumerable<string> Validate(string path)
    {
        if (!(ThresholdFractionOfMax is > 0 and < 1)) yield return $"{path}:ThresholdFractionOfMax must lie in (0, 1), got {ThresholdFractionOfMax}.";
    }
}
