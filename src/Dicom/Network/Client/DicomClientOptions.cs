using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Transport;

namespace VoxDose.Dicom.Network.Client;

/// <summary>Where and how an SCU connects. Every wait is bounded by one of the timeouts.</summary>
public sealed record DicomClientOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 104;

    public required string CalledAeTitle { get; init; }

    public string CallingAeTitle { get; init; } = "VOXDOSE";

    /// <summary>TCP connect (and TLS handshake) bound.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>ARTIM for the requestor (PS3.8 9.1.5): wait for A-ASSOCIATE-AC/RJ, and for A-RELEASE-RP.</summary>
    public TimeSpan AssociationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on sending one request and receiving its response.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Maximum P-DATA-TF length we announce and accept.</summary>
    public uint MaxPduLength { get; init; } = 256 * 1024;

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    /// <summary>DICOM TLS; null for plain TCP.</summary>
    public ClientTlsOptions? Tls { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) errors.Add("Host: required.");
        if (Port is < 1 or > 65535) errors.Add($"Port: {Port} is not a TCP port (1-65535).");
        if (!AeTitle.IsValid(CalledAeTitle)) errors.Add($"CalledAeTitle: '{CalledAeTitle}' is not a valid AE title (1-16 characters).");
        if (!AeTitle.IsValid(CallingAeTitle)) errors.Add($"CallingAeTitle: '{CallingAeTitle}' is not a valid AE title (1-16 characters).");
        if (MaxPduLength is > 0 and < 4096) errors.Add($"MaxPduLength: {MaxPduLength} is below 4096.");
        foreach (var (name, value) in new[] { ("ConnectTimeout", ConnectTimeout), ("AssociationTimeout", AssociationTimeout), ("RequestTimeout", RequestTimeout) })
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan) errors.Add($"{name}: must be positive.");
        return errors;
    }
}
