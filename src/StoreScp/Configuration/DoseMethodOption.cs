namespace VoxDose.StoreScp.Configuration;

/// <summary>Configured dose calculation method (<c>vsv</c> or <c>ldm</c> in the configuration file).</summary>
public enum DoseMethodOption
{
    Vsv,
    Ldm,
}
