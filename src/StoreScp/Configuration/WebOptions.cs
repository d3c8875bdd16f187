namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Section <c>VoxDose:Web</c>: the web console hosted inside <c>voxdose serve</c> (see docs/console.md). HTTP on
/// loopback by default; HTTPS when <see cref="CertificatePath"/> is set (a PEM certificate with
/// <see cref="CertificateKeyPath"/>, or a PKCS#12 file whose password is read from <see cref="CertificatePasswordEnv"/>).
/// </summary>
public sealed class WebOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Kestrel URLs, separated by ';' (e.g. <c>https://0.0.0.0:8443</c>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>PEM certificate (.pem/.crt) or PKCS#12 (.pfx/.p12) used for every https URL.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/> (PEM only).</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Environment variable holding the PKCS#12 password (never the password itself).</summary>
    public string? CertificatePasswordEnv { get; set; }

    /// <summary>Environment variable holding a bearer token that may read <c>/metrics</c> without a login (for Prometheus).</summary>
    public string? MetricsTokenEnv { get; set; }

    /// <summary>Idle minutes after which a console session ends (sliding).</summary>
    public double SessionMinutes { get; set; } = 30;

    /// <summary>Failed logins in a row that lock an account, and for how long.</summary>
    public int LockoutFailures { get; set; } = 5;

    public double LockoutMinutes { get; set; } = 15;

    /// <summary>Single sign-on by OpenID Connect; off while its Authority is empty.</summary>
    public OidcOptions Oidc { get; set; } = new();
}
