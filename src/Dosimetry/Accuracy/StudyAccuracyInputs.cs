namespace VoxDose.Dosimetry.Accuracy;

/// <summary>
/// What the lesion accuracy figures need from the study: the reconstruction's resolution (and where it came from) and
/// the timing the dose depends on.
/// </summary>
/// <param name="InjectionToScanS">Injection to acquisition start, s; null when unknown (no timing component).</param>
/// <param name="HalfLifeS">Half-life used for the decay correction and the cumulation, s.</param>
/// <param name="ScaledToAdministered">True when the map was scaled to the administered activity (the PET's decay then cancels).</param>
public sealed record StudyAccuracyInputs(double ResolutionFwhmMm, string ResolutionSource, double? InjectionToScanS, double HalfLifeS, bool ScaledToAdministered)
{
    /// <summary>The options' default resolution and no timing (for callers without a PET header).</summary>
    public static StudyAccuracyInputs Default(PartialVolumeOptions options) =>
        new(options.DefaultFwhmMm, "default", null, Physics.Y90Constants.HalfLifeS, false);
}
