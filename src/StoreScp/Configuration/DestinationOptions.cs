namespace VoxDose.StoreScp.Configuration;

/// <summary>One entry of <c>VoxDose:Destinations</c>: a C-STORE SCP results are sent to.</summary>
public sealed class DestinationOptions
{
    /// <summary>Unique name used in the audit and the export queue.</summary>
    public string Name { get; set; } = "";

    public string AeTitle { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 104;

    /// <summary>Objects sent to this destination: any of RtDose, Sr, Pdf, Sc. Empty: all of Processing:Outputs.</summary>
    public List<string> Objects { get; set; } = [];

    /// <summary>DICOM TLS to this destination; off: plain TCP.</summary>
    public DestinationTlsOptions Tls { get; set; } = new();
}
