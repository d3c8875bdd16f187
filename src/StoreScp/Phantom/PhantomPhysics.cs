namespace VoxDose.StoreScp.Phantom;

/// <summary>The physics the phantom's truth uses (the same values as the dose engine's Y-90 constants).</summary>
internal static class PhantomPhysics
{
    /// <summary>Y-90 half-life 64.05 h (ENSDF).</summary>
    public const double HalfLifeS = 64.05 * 3600.0;

    /// <summary>The local deposition constant, 49.76 Gy kg / GBq: the dose engine's one constant (Y-90 ENSDF half-life, Graves 2019 mean energy).</summary>
    public static double LdmGyKgPerGBq => VoxDose.Dosimetry.Physics.Y90Constants.LdmConstantGyKgPerGBq;

    /// <summary>Soft-tissue density 1.04 g/cm3 (the Lanconelli 2012 VSV database's soft tissue).</summary>
    public const double SoftTissueGPerMl = 1.04;

    /// <summary>LDM dose (Gy) of a concentration at injection (Bq/mL): A0 [GBq] x 49.76 / m [kg] per mL.</summary>
    public static double LdmDoseGy(double bqPerMlAtInjection) => bqPerMlAtInjection * 1e-9 * LdmGyKgPerGBq / (SoftTissueGPerMl * 1e-3);

    /// <summary>Decay factor from injection to <paramref name="elapsedS"/> later: exp(-ln 2 t / T½).</summary>
    public static double DecayFactor(double elapsedS) => Math.Exp(-Math.Log(2.0) * elapsedS / HalfLifeS);
}
