namespace VoxDose.StoreScp.Audit;

/// <summary>
/// What a received series is for. Y90Pet starts the dose pipeline, MaaSpect (a Tc-99m SPECT, NM RECON TOMO) the plan
/// (docs/planning.md); Ct and RtStruct are kept; Ignored is stored but unused (reason audited).
/// </summary>
public enum SeriesRole
{
    Y90Pet,
    Ct,
    RtStruct,
    Ignored,
    MaaSpect,

    /// <summary>A DICOM Spatial Registration: kept for the voxel-wise planned-vs-delivered comparison.</summary>
    Registration,
}

/// <summary>The one rule of which series drive a study (completion assembles it), in code and in SQL.</summary>
public static class DrivingSeries
{
    /// <summary>A Y-90 PET (dose) or a Tc-99m MAA SPECT (plan).</summary>
    public static bool Drives(this SeriesRole role) => role is SeriesRole.Y90Pet or SeriesRole.MaaSpect;

    /// <summary>The same rule for a SQL <c>role IN ...</c> condition.</summary>
    public const string SqlRoles = "('y90pet', 'maaspect')";
}
