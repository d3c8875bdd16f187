using VoxDose.Dosimetry.Physics;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>The Y-90 physical half-life in hours for the BED (the dose rate of a permanent implant decays with it).</summary>
internal static class Y90Decay
{
    /// <summary>From <see cref="Y90Constants.HalfLifeS"/> (ENSDF, 64.05 h), the one place the constant is written.</summary>
    public const double HalfLifeH = Y90Constants.HalfLifeS / 3600.0;
}
