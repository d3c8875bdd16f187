namespace VoxDose.StoreScp.Storage;

/// <summary>Where an instance was durably written, and its content hash (SHA-256, lower-case hex).</summary>
public sealed record SpoolResult(string Path, string Sha256, long SizeBytes, bool AlreadyPresent);

/// <summary>The spool refused an instance; <see cref="Reason"/> is safe to log (no patient data).</summary>
public sealed class SpoolRefusedException(SpoolRefusal refusal, string reason) : Exception(reason)
{
    public SpoolRefusal Refusal { get; } = refusal;
    public string Reason { get; } = reason;
}

public enum SpoolRefusal
{
    InvalidUid,
    DiskFull,
}
