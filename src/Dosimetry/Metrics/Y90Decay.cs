namespace VoxDose.Dosimetry.Metrics;

/// <summary>The Y-90 physical half-life used by the BED (the dose rate of a permanent implant decays with it).</summary>
internal static class Y90Decay
{
    /// <summary>64.05 h (ENSDF). Kept here until the dose engine's constant is merged; then this refers to it.</summary>
    public const double HalfLifeH = 64.05;
}
