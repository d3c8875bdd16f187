namespace VoxDose.StoreScp.Audit;

/// <summary>What a received series is for. Y90Pet starts the pipeline; Ct and RtStruct are kept; Ignored is stored but unused (reason audited).</summary>
public enum SeriesRole
{
    Y90Pet,
    Ct,
    RtStruct,
    Ignored,
}
