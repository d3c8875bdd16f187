using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace VoxDose.Dicom.Network.Transport;

/// <summary>DICOM TLS (PS3.15 annex B.1/B.9) for an SCP: the server certificate and client certificate policy.</summary>
public sealed record ServerTlsOptions
{
    public required X509Certificate2 Certificate { get; init; }

    public bool RequireClientCertificate { get; init; }

    /// <summary>Custom validation of client certificates (e.g. pinning); null uses the system's chain validation.</summary>
    public RemoteCertificateValidationCallback? ClientCertificateValidation { get; init; }

    /// <summary>
    /// Chain policy for client certificates, e.g. a private CA as the only trust root (<see cref="TlsFiles.TrustOnly"/>);
    /// null uses the system trust store. Copied for each handshake.
    /// </summary>
    public X509ChainPolicy? ClientCertificatePolicy { get; init; }

    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;
}

/// <summary>DICOM TLS for an SCU: the expected server name, optional client certificate, validation.</summary>
public sealed record ClientTlsOptions
{
    /// <summary>Name checked against the server certificate; defaults to the host connected to.</summary>
    public string? TargetHost { get; init; }

    public X509Certificate2Collection? ClientCertificates { get; init; }

    /// <summary>Custom validation of the server certificate (e.g. pinning a self-signed one); null uses the system's.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>
    /// Chain policy for the server certificate, e.g. a CA bundle as the only trust roots (<see cref="TlsFiles.TrustOnly"/>);
    /// null uses the system trust store. The host name is checked either way. Copied for each handshake.
    /// </summary>
    public X509ChainPolicy? ServerCertificatePolicy { get; init; }

    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;
}
