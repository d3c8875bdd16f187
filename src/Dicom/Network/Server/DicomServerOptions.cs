using System.Net;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Transport;

namespace VoxDose.Dicom.Network.Server;

/// <summary>Configuration of a <see cref="DicomServer"/>. Defaults are safe for a hospital network.</summary>
public sealed record DicomServerOptions
{
    /// <summary>Address to listen on; <see cref="IPAddress.IPv6Any"/> (the default) also accepts IPv4 (dual mode).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.IPv6Any;

    /// <summary>TCP port; 0 picks a free one (see <see cref="DicomServer.LocalEndPoint"/>).</summary>
    public int Port { get; init; } = 11112;

    public AcceptPolicy Policy { get; init; } = new();

    /// <summary>Maximum P-DATA-TF length we announce and accept (PS3.8 D.1); also the bound on per-PDU memory.</summary>
    public uint MaxPduLength { get; init; } = 256 * 1024;

    /// <summary>
    /// Concurrent associations, counted from the accepted A-ASSOCIATE-RQ (a socket that sends nothing holds none);
    /// more are rejected transiently (PS3.8 table 9-21, source 3, reason 2).
    /// </summary>
    public int MaxAssociations { get; init; } = 64;

    /// <summary>Concurrent associations from one peer address (rejected like <see cref="MaxAssociations"/>).</summary>
    public int MaxAssociationsPerPeer { get; init; } = 32;

    /// <summary>Open TCP connections, associated or not (idle sockets wait at most <see cref="ArtimTimeout"/>); more are closed on accept.</summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>Open TCP connections from one peer address; more are closed on accept.</summary>
    public int MaxConnectionsPerPeer { get; init; } = 48;

    /// <summary>
    /// Association requests per minute from one peer address (a token bucket: bursts up to this many, then this rate);
    /// over it A-ASSOCIATE-RJ transient, temporary congestion (PS3.8 table 9-21, source 3, reason 1). 0: no limit.
    /// </summary>
    public int MaxAssociationRequestsPerPeerPerMinute { get; init; } = 600;

    /// <summary>
    /// Rejected associations, connections refused on accept and protocol errors before association are logged once per
    /// peer address and reason per this interval; the next line logged says how many were left out (metrics count all).
    /// </summary>
    public TimeSpan RejectionLogInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>ARTIM (PS3.8 section 9.1.5): wait for A-ASSOCIATE-RQ after connect, and for the close after RJ or RP.</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>An association with no PDU from the peer for this long is aborted (a stalled peer).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Bound on sending one PDU or response (a peer that stops reading).</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest accepted command set.</summary>
    public int MaxCommandLength { get; init; } = 64 * 1024;

    /// <summary>Largest accepted data set of one instance (it goes to disk, so this bounds disk, not memory).</summary>
    public long MaxDataSetLength { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Where incoming data sets are written while they arrive.</summary>
    public string TempDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "voxdose-scp");

    /// <summary>DICOM TLS; null for plain TCP.</summary>
    public ServerTlsOptions? Tls { get; init; }

    /// <summary>Every configuration error, each naming its option.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535) errors.Add($"Port: {Port} is not a TCP port (0-65535).");
        if (Policy.CalledAeTitles.Count == 0) errors.Add("Policy.CalledAeTitles: at least one AE title is required.");
        foreach (var ae in Policy.CalledAeTitles.Concat(Policy.CallingAeTitles ?? []))
            if (!AeTitle.IsValid(ae)) errors.Add($"Policy: '{ae}' is not a valid AE title (1-16 characters, no backslash or control characters).");
        if (MaxPduLength is > 0 and < 4096) errors.Add($"MaxPduLength: {MaxPduLength} is below 4096.");
        if (MaxAssociations < 1) errors.Add("MaxAssociations: must be at least 1.");
        if (MaxAssociationsPerPeer < 1) errors.Add("MaxAssociationsPerPeer: must be at least 1.");
        if (MaxConnections < MaxAssociations) errors.Add($"MaxConnections: {MaxConnections} is below MaxAssociations ({MaxAssociations}).");
        if (MaxConnectionsPerPeer < 1) errors.Add("MaxConnectionsPerPeer: must be at least 1.");
        if (MaxAssociationRequestsPerPeerPerMinute < 0) errors.Add("MaxAssociationRequestsPerPeerPerMinute: must be 0 (no limit) or more.");
        if (RejectionLogInterval <= TimeSpan.Zero) errors.Add("RejectionLogInterval: must be positive.");
        foreach (var (name, value) in new[] { ("ArtimTimeout", ArtimTimeout), ("IdleTimeout", IdleTimeout), ("WriteTimeout", WriteTimeout) })
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan) errors.Add($"{name}: must be positive.");
        if (MaxCommandLength < 256) errors.Add("MaxCommandLength: must be at least 256 bytes.");
        if (string.IsNullOrWhiteSpace(TempDirectory)) errors.Add("TempDirectory: required.");
        return errors;
    }
}
