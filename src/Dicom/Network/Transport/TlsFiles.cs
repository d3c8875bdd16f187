using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace VoxDose.Dicom.Network.Transport;

/// <summary>
/// A certificate, private key or CA bundle that cannot be used for TLS. The message names the file and what is wrong
/// (missing, unreadable, not PEM/PKCS#12, wrong password, key not matching) so it can be shown without a stack trace.
/// </summary>
public sealed class TlsFileException : Exception
{
    public TlsFileException() { }

    public TlsFileException(string message) : base(message) { }

    public TlsFileException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// Loads the files of DICOM TLS (PS3.15 B.9): our certificate with its private key, as PKCS#12 or as PEM (certificate +
/// key, the key PKCS#8, PKCS#1 or SEC1, or an encrypted PKCS#8 key with a password), and CA bundles (PEM, or one DER
/// certificate) to trust as the only roots for a peer's certificate.
/// </summary>
public static class TlsFiles
{
    /// <summary>Extended key usage id-kp-serverAuth (RFC 5280 4.2.1.12): what a server certificate must allow.</summary>
    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>Extended key usage id-kp-clientAuth (RFC 5280 4.2.1.12): what a client certificate must allow.</summary>
    public const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private static readonly string[] KeyLabels = ["PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"];

    /// <summary>
    /// Our certificate with its private key. A file that starts as PEM is read as PEM: the first certificate in it,
    /// the key from <paramref name="keyPath"/> (or from the same file when null). Anything else is read as PKCS#12.
    /// </summary>
    /// <exception cref="TlsFileException">Every reason the files cannot be used.</exception>
    public static X509Certificate2 LoadCertificate(string certificatePath, string? keyPath = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePath);
        var bytes = ReadBytes(certificatePath, "certificate");
        if (LooksLikePem(bytes)) return LoadPem(certificatePath, Encoding.ASCII.GetString(bytes), keyPath, password);
        if (keyPath is not null)
            throw new TlsFileException($"'{certificatePath}' is not a PEM certificate, so a separate key file ('{keyPath}') cannot go with it (a PKCS#12 file holds its own key).");
        return LoadPkcs12(certificatePath, bytes, password);
    }

    /// <summary>The certificates of a CA bundle: PEM (one or more CERTIFICATE blocks) or a single DER certificate.</summary>
    /// <exception cref="TlsFileException">Missing, unreadable, or holding no certificate.</exception>
    public static X509Certificate2Collection LoadCaBundle(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = ReadBytes(path, "CA bundle");
        var bundle = new X509Certificate2Collection();
        try
        {
            if (LooksLikePem(bytes)) bundle.ImportFromPem(Encoding.ASCII.GetString(bytes));
            else bundle.Add(X509CertificateLoader.LoadCertificate(bytes));
        }
        catch (CryptographicException e)
        {
            throw new TlsFileException($"CA bundle '{path}' is not a PEM (or DER) certificate file: {e.Message}", e);
        }
        if (bundle.Count == 0)
        {
            throw new TlsFileException(Encoding.ASCII.GetString(bytes).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? $"CA bundle '{path}' is not a PEM (or DER) certificate file: its CERTIFICATE block is damaged (not valid base64)."
                : $"CA bundle '{path}' holds no PEM certificate (no '-----BEGIN CERTIFICATE-----' block).");
        }
        return bundle;
    }

    /// <summary>
    /// Chain validation with <paramref name="roots"/> as the only trust anchors (the system store is not consulted),
    /// the peer's certificate allowed for <paramref name="purposeOid"/>; no revocation check (offline hospital networks).
    /// </summary>
    public static X509ChainPolicy TrustOnly(X509Certificate2Collection roots, string purposeOid)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(roots);
        policy.ApplicationPolicy.Add(new Oid(purposeOid));
        return policy;
    }

    private static byte[] ReadBytes(string path, string what)
    {
        if (!File.Exists(path)) throw new TlsFileException($"{what} file '{path}' does not exist.");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TlsFileException($"{what} file '{path}' cannot be read: {e.Message}", e);
        }
    }

    private static bool LooksLikePem(byte[] bytes) =>
        Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024)).Contains("-----BEGIN ", StringComparison.Ordinal);

    private static X509Certificate2 LoadPkcs12(string path, byte[] bytes, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12(bytes, password);
            if (certificate.HasPrivateKey) return certificate;
            certificate.Dispose();
            throw new TlsFileException($"PKCS#12 file '{path}' holds no private key for its certificate.");
        }
        catch (CryptographicException e)
        {
            var kind = SafeContentType(bytes);
            var why = kind switch
            {
                X509ContentType.Pkcs12 => password is null
                    ? "it is protected by a password and none is set"
                    : "the password is wrong (or the file is damaged)",
                X509ContentType.Cert => "it is a DER certificate without its key: use a PEM certificate with its key file, or PKCS#12",
                _ => "it is neither PEM nor PKCS#12",
            };
            throw new TlsFileException($"certificate file '{path}' cannot be opened as PKCS#12: {why} ({e.Message}).", e);
        }
    }

    private static X509ContentType SafeContentType(byte[] bytes)
    {
        try
        {
            return X509Certificate2.GetCertContentType(bytes);
        }
        catch (CryptographicException)
        {
            return X509ContentType.Unknown;
        }
    }

    private static X509Certificate2 LoadPem(string certificatePath, string certificateText, string? keyPath, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificateText);
        }
        catch (CryptographicException e)
        {
            throw new TlsFileException($"certificate file '{certificatePath}' holds no readable PEM certificate: {e.Message}", e);
        }
        using (certificate)
        {
            var keySource = keyPath ?? certificatePath;
            var keyText = keyPath is null ? certificateText : Encoding.ASCII.GetString(ReadBytes(keyPath, "private key"));
            var (label, keyPem) = FindKey(keyText, keySource, keyPath is null);
            using AsymmetricAlgorithm key = certificate.GetKeyAlgorithm() switch
            {
                RsaOid => RSA.Create(),
                EcOid => ECDsa.Create(),
                var other => throw new TlsFileException($"certificate '{certificatePath}' has a {other} key; only RSA and EC keys are supported."),
            };
            ImportKey(key, label, keyPem, keySource, password, certificate);
            X509Certificate2 withKey;
            try
            {
                withKey = key is RSA rsa ? certificate.CopyWithPrivateKey(rsa) : certificate.CopyWithPrivateKey((ECDsa)key);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                throw new TlsFileException($"the private key in '{keySource}' does not match the certificate in '{certificatePath}' ({certificate.Subject}).", e);
            }
            using (withKey)
            {
                // An exportable, persisted-form key that SslStream can use on every platform: round-trip through PKCS#12.
                return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
            }
        }
    }

    private static (string Label, string Pem) FindKey(string text, string keySource, bool sameFile)
    {
        if (text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
            throw new TlsFileException($"the private key in '{keySource}' is encrypted in the legacy OpenSSL format, which is not supported: convert it with 'openssl pkcs8 -topk8 -in OLD -out NEW' (an encrypted PKCS#8 key).");
        var rest = text.AsSpan();
        var offset = 0;
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            if (KeyLabels.Contains(label)) return (label, text.Substring(offset + fields.Location.Start.Value, fields.Location.End.Value - fields.Location.Start.Value));
            var end = fields.Location.End.Value;
            offset += end;
            rest = rest[end..];
        }
        throw new TlsFileException(sameFile
            ? $"certificate file '{keySource}' is PEM but holds no private key: give its key file (KeyPath, --tls-key)."
            : $"key file '{keySource}' holds no PEM private key.");
    }

    private static void ImportKey(AsymmetricAlgorithm key, string label, string pem, string keySource, string? password, X509Certificate2 certificate)
    {
        try
        {
            if (label == "ENCRYPTED PRIVATE KEY")
            {
                if (string.IsNullOrEmpty(password))
                    throw new TlsFileException($"the private key in '{keySource}' is encrypted and no password is set.");
                key.ImportFromEncryptedPem(pem, password);
            }
            else key.ImportFromPem(pem);
        }
        catch (CryptographicException e) when (label == "ENCRYPTED PRIVATE KEY")
        {
            throw new TlsFileException($"the private key in '{keySource}' cannot be decrypted: the password is wrong (or the key is not an {KeyName(key)} key as the certificate's).", e);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new TlsFileException($"the private key in '{keySource}' cannot be read as the {KeyName(key)} key of '{certificate.Subject}' (it does not match the certificate, or is damaged): {e.Message}", e);
        }
    }

    private static string KeyName(AsymmetricAlgorithm key) => key is RSA ? "RSA" : "EC";
}
