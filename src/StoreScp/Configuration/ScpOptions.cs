namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Scp</c>: the DICOM listener.</summary>
public sealed class ScpOptions
{
    /// <summary>Called AE title this node answers to (1-16 characters, no backslash or control characters).</summary>
    public string AeTitle { get; set; } = "VOXDOSE";

    public int Port { get; set; } = 11112;

    /// <summary>Address to listen on; <c>0.0.0.0</c> for every interface, <c>127.0.0.1</c> for loopback only.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// Calling AE titles (and optionally their host) accepted; every other caller is rejected (A-ASSOCIATE-RJ reason 3).
    /// Empty: the node refuses to start unless <see cref="AllowAnyCaller"/> is true.
    /// </summary>
    public List<AllowedCaller> AllowedCallers { get; set; } = [];

    /// <summary>Accept any calling AE title when <see cref="AllowedCallers"/> is empty: an open node, set on purpose only.</summary>
    public bool AllowAnyCaller { get; set; }

    /// <summary>Simultaneous associations (counted once associated; sockets that never associate are cut by ARTIM).</summary>
    public int MaxAssociations { get; set; } = 16;

    /// <summary>Simultaneous associations from one peer address, so one address cannot take every slot.</summary>
    public int MaxAssociationsPerPeer { get; set; } = 8;

    /// <summary>
    /// Association requests per minute from one peer address (bursts up to this many); over it A-ASSOCIATE-RJ transient,
    /// temporary congestion. 0: no limit. The default leaves room for a modality that opens one association per image.
    /// </summary>
    public int MaxAssociationRequestsPerPeerPerMinute { get; set; } = 600;

    /// <summary>Rejected associations are audited and logged once per peer and reason per this many seconds, with the exact count.</summary>
    public double RejectionAuditSeconds { get; set; } = 60;

    /// <summary>
    /// How often this node renews the heartbeat of its open associations in the audit database, so every node of a
    /// cluster knows which studies are still arriving (a study waits for the association still sending it).
    /// </summary>
    public double TransferHeartbeatSeconds { get; set; } = 10;

    /// <summary>An open association whose heartbeat is older than this is taken for dead (its node died) and ignored, then deleted.</summary>
    public double TransferExpirySeconds { get; set; } = 45;

    public TlsOptions Tls { get; set; } = new();
}
