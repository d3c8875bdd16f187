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

    public TlsOptions Tls { get; set; } = new();
}
