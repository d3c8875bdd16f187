namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Scp:Tls</c>: DICOM over TLS (PS3.15 B.9), off by default.</summary>
public sealed class TlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PKCS#12 or PEM certificate with its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public bool RequireClientCertificate { get; set; }
}
