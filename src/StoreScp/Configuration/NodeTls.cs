using VoxDose.Dicom.Network.Transport;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// The one place the node reads its TLS files: it checks them for the validator (each problem with its configuration
/// path, so a bad certificate, key, password or CA bundle exits 2 at launch) and builds the DICOM library's
/// <see cref="ServerTlsOptions"/> for the listener and <see cref="ClientTlsOptions"/> for each destination.
/// </summary>
public static class NodeTls
{
    /// <summary>Every problem of <c>Scp:Tls</c> (only when enabled), each prefixed with its path.</summary>
    public static void Validate(TlsOptions tls, string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(errors);
        if (!tls.Enabled) return;
        if (string.IsNullOrWhiteSpace(tls.CertificatePath))
            errors.Add($"{path}:CertificatePath: required when TLS is enabled (the listener's certificate, PEM with KeyPath or PKCS#12).");
        else
            CheckCertificate(tls.CertificatePath, tls.KeyPath, tls.CertificatePassword, $"{path}:CertificatePath", errors);
        var hasCa = !string.IsNullOrWhiteSpace(tls.TrustedCaPath);
        if (tls.RequireClientCertificate && !hasCa)
            errors.Add($"{path}:TrustedCaPath: required with RequireClientCertificate (the CA bundle that issues the callers' certificates; the system store would accept any certificate a public CA issued).");
        if (hasCa && !tls.RequireClientCertificate)
            errors.Add($"{path}:TrustedCaPath: only used with RequireClientCertificate true (clients are asked for a certificate only then).");
        if (hasCa) CheckCaBundle(tls.TrustedCaPath!, $"{path}:TrustedCaPath", errors);
    }

    /// <summary>Every problem of a destination's <c>Tls</c> (only when enabled), each prefixed with its path.</summary>
    public static void Validate(DestinationTlsOptions tls, string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(errors);
        if (!tls.Enabled) return;
        if (!string.IsNullOrWhiteSpace(tls.CertificatePath))
            CheckCertificate(tls.CertificatePath, tls.KeyPath, tls.CertificatePassword, $"{path}:CertificatePath", errors);
        else if (!string.IsNullOrWhiteSpace(tls.KeyPath))
            errors.Add($"{path}:KeyPath: set without CertificatePath (the client certificate it belongs to).");
        if (!string.IsNullOrWhiteSpace(tls.TrustedCaPath)) CheckCaBundle(tls.TrustedCaPath, $"{path}:TrustedCaPath", errors);
        if (tls.ServerName is { } name && (name.Length == 0 || name.Trim() != name || name.Any(char.IsControl)))
            errors.Add($"{path}:ServerName: '{name}' is not a host name (leave it out to check the destination's Host).");
    }

    /// <summary>The listener's TLS: our certificate, TLS 1.2/1.3, and the CA bundle as the only root for client certificates.</summary>
    /// <exception cref="TlsFileException">A file cannot be used (checked at launch already; this is a file changed since).</exception>
    public static ServerTlsOptions Server(TlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        if (string.IsNullOrWhiteSpace(tls.CertificatePath)) throw new TlsFileException("Scp:Tls:CertificatePath is required when TLS is enabled.");
        var policy = string.IsNullOrWhiteSpace(tls.TrustedCaPath) ? null
            : TlsFiles.TrustOnly(TlsFiles.LoadCaBundle(tls.TrustedCaPath), TlsFiles.ClientAuthenticationOid);
        return new ServerTlsOptions
        {
            Certificate = TlsFiles.LoadCertificate(tls.CertificatePath, Blank(tls.KeyPath), Blank(tls.CertificatePassword)),
            RequireClientCertificate = tls.RequireClientCertificate,
            ClientCertificatePolicy = policy,
        };
    }

    /// <summary>A destination's TLS (null when off): the server certificate checked against the system store or its CA bundle, and the host name.</summary>
    /// <exception cref="TlsFileException">A file cannot be used.</exception>
    public static ClientTlsOptions? Client(DestinationOptions destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var tls = destination.Tls;
        if (!tls.Enabled) return null;
        var policy = string.IsNullOrWhiteSpace(tls.TrustedCaPath) ? null
            : TlsFiles.TrustOnly(TlsFiles.LoadCaBundle(tls.TrustedCaPath), TlsFiles.ServerAuthenticationOid);
        return new ClientTlsOptions
        {
            TargetHost = Blank(tls.ServerName) ?? destination.Host,
            ServerCertificatePolicy = policy,
            ClientCertificates = string.IsNullOrWhiteSpace(tls.CertificatePath) ? null
                : [TlsFiles.LoadCertificate(tls.CertificatePath, Blank(tls.KeyPath), Blank(tls.CertificatePassword))],
        };
    }

    private static void CheckCertificate(string certificatePath, string? keyPath, string? password, string path, List<string> errors)
    {
        try
        {
            using var certificate = TlsFiles.LoadCertificate(certificatePath, Blank(keyPath), Blank(password));
            if (certificate.NotAfter < DateTime.Now)
                errors.Add($"{path}: the certificate '{certificate.Subject}' expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm}Z.");
        }
        catch (TlsFileException e)
        {
            errors.Add($"{path}: {e.Message}");
        }
    }

    private static void CheckCaBundle(string caPath, string path, List<string> errors)
    {
        try
        {
            var bundle = TlsFiles.LoadCaBundle(caPath);
            foreach (var certificate in bundle) certificate.Dispose();
        }
        catch (TlsFileException e)
        {
            errors.Add($"{path}: {e.Message}");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
