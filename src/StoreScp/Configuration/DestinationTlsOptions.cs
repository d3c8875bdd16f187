namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// <c>VoxDose:Destinations:N:Tls</c>: results sent to this destination over DICOM TLS (PS3.15 B.9), TLS 1.2 and 1.3 only.
/// The destination's certificate must chain to the system trust store, or to <see cref="TrustedCaPath"/> when set, and
/// name the host (<see cref="ServerName"/>, default <c>Host</c>); there is no way to switch that check off.
/// </summary>
public sealed class DestinationTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM CA bundle: the only trust roots for the destination's certificate (a self-signed certificate can be its own CA). Empty: the system store.</summary>
    public string? TrustedCaPath { get; set; }

    /// <summary>Name the destination's certificate must carry (DNS name or IP address in its subject alternative names). Empty: <c>Host</c>.</summary>
    public string? ServerName { get; set; }

    /// <summary>Our client certificate, when the destination requires one: PEM (with <see cref="KeyPath"/>) or PKCS#12.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file or of the encrypted PEM key (better from the environment: VoxDose__Destinations__N__Tls__CertificatePassword).</summary>
    public string? CertificatePassword { get; set; }
}
