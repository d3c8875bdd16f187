namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Section <c>VoxDose:Scp:Tls</c>: DICOM over TLS (PS3.15 B.9) for the listener, off by default; TLS 1.2 and 1.3 only.
/// Every file is read and checked at start: a problem is a configuration error (exit 2).
/// </summary>
public sealed class TlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>Our certificate: a PEM file (with <see cref="KeyPath"/>, or the key in the same file) or a PKCS#12 file holding its key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/> (PKCS#8, PKCS#1 or SEC1; an encrypted PKCS#8 key needs the password).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file or of the encrypted PEM key; better given as the environment variable VoxDose__Scp__Tls__CertificatePassword.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Refuse clients without a certificate issued by a CA of <see cref="TrustedCaPath"/> (mutual TLS).</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>PEM CA bundle: the only trust roots for client certificates (the system store is not used). Required with <see cref="RequireClientCertificate"/>.</summary>
    public string? TrustedCaPath { get; set; }
}
