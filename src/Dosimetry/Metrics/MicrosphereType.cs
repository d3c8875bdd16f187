namespace VoxDose.Dosimetry.Metrics;

/// <summary>The Y-90 microsphere product family: the EANM 2022 normal-tissue limits differ between them.</summary>
public enum MicrosphereType
{
    /// <summary>Resin microspheres (SIR-Spheres).</summary>
    Resin,

    /// <summary>Glass microspheres (TheraSphere).</summary>
    Glass,
}
