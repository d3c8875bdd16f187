using System.CommandLine;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VoxDose.Dicom.Network.Transport;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// The DICOM TLS options (PS3.15 B.9) shared by <c>echo</c>, <c>send</c> and <c>store-scp</c>. They only load files and
/// build the library's <see cref="ClientTlsOptions"/>/<see cref="ServerTlsOptions"/>; each problem is reported as one
/// message naming the option, and the verb exits with code 2.
/// </summary>
internal sealed class TlsArguments
{
    public TlsArguments(bool server)
    {
        Certificate = new("--tls-cert")
        {
            Description = server
                ? "PKCS#12 file with our server certificate and its private key (required with --tls)."
                : "PKCS#12 file with our client certificate and its private key, when the peer requires one.",
        };
        RequireClientCertificate = server ? new("--tls-require-client-cert") { Description = "Reject TLS clients without a certificate trusted by --tls-trust (or the system store)." } : null;
    }

    public Option<bool> Enable { get; } = new("--tls") { Description = "Use DICOM TLS (TLS 1.2/1.3)." };

    public Option<string> Certificate { get; }

    public Option<string> PasswordEnv { get; } = new("--tls-cert-password-env") { Description = "Name of the environment variable holding the --tls-cert password (never pass it on the command line)." };

    public Option<string> Trust { get; } = new("--tls-trust") { Description = "PEM or DER file with the CA or peer certificate(s) to trust; default: the system trust store." };

    public Option<bool>? RequireClientCertificate { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Enable);
        command.Options.Add(Certificate);
        command.Options.Add(PasswordEnv);
        command.Options.Add(Trust);
        if (RequireClientCertificate is not null) command.Options.Add(RequireClientCertificate);
    }

    /// <summary>The SCU's TLS options (null without <c>--tls</c>), or the errors.</summary>
    public (ClientTlsOptions? Tls, IReadOnlyList<string> Errors) ReadClient(ParseResult parseResult)
    {
        var errors = new List<string>();
        if (!CheckEnabled(parseResult, errors)) return (null, errors);
        var clientCertificate = LoadCertificate(parseResult, errors);
        var trusted = LoadTrust(parseResult, errors);
        if (errors.Count > 0) return (null, errors);
        return (new ClientTlsOptions
        {
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            ServerCertificateValidation = trusted is null ? null : (_, presented, _, policyErrors) =>
                presented is not null && (policyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && IsTrusted(presented, trusted),
        }, errors);
    }

    /// <summary>The SCP's TLS options (null without <c>--tls</c>), or the errors.</summary>
    public (ServerTlsOptions? Tls, IReadOnlyList<string> Errors) ReadServer(ParseResult parseResult)
    {
        var errors = new List<string>();
        if (!CheckEnabled(parseResult, errors)) return (null, errors);
        var certificate = LoadCertificate(parseResult, errors);
        if (certificate is null && errors.Count == 0) errors.Add("--tls-cert: required with --tls (the server certificate, PKCS#12 with its private key).");
        var trusted = LoadTrust(parseResult, errors);
        var require = RequireClientCertificate is not null && parseResult.GetValue(RequireClientCertificate);
        if (errors.Count > 0) return (null, errors);
        return (new ServerTlsOptions
        {
            Certificate = certificate!,
            RequireClientCertificate = require,
            ClientCertificateValidation = trusted is null ? null : (_, presented, _, _) => presented is null ? !require : IsTrusted(presented, trusted),
        }, errors);
    }

    /// <summary>True if TLS is on; the other TLS options without <c>--tls</c> are an error (never silently plain TCP).</summary>
    private bool CheckEnabled(ParseResult parseResult, List<string> errors)
    {
        if (parseResult.GetValue(Enable)) return true;
        var given = new Option?[] { Certificate, PasswordEnv, Trust, RequireClientCertificate }
            .OfType<Option>()
            .Where(o => parseResult.GetResult(o) is { Implicit: false })
            .Select(o => o.Name)
            .ToList();
        if (given.Count > 0) errors.Add($"{string.Join(", ", given)}: only valid with --tls.");
        return false;
    }

    private X509Certificate2? LoadCertificate(ParseResult parseResult, List<string> errors)
    {
        var path = parseResult.GetValue(Certificate);
        string? password = null;
        if (parseResult.GetValue(PasswordEnv) is { } variable)
        {
            password = Environment.GetEnvironmentVariable(variable);
            if (password is null)
            {
                errors.Add($"--tls-cert-password-env: environment variable '{variable}' is not set.");
                return null;
            }
            if (path is null) errors.Add("--tls-cert-password-env: only meaningful with --tls-cert.");
        }
        if (path is null) return null;
        if (!File.Exists(path))
        {
            errors.Add($"--tls-cert: file '{path}' does not exist.");
            return null;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"--tls-cert: cannot read '{path}': {e.Message}");
            return null;
        }
        catch (CryptographicException e)
        {
            errors.Add($"--tls-cert: cannot open '{path}' as PKCS#12 (wrong password, or not a PKCS#12 file{(password is null ? "; give a password with --tls-cert-password-env" : "")}): {e.Message}");
            return null;
        }
        if (!certificate.HasPrivateKey)
        {
            errors.Add($"--tls-cert: '{path}' holds no private key for '{certificate.Subject}'.");
            certificate.Dispose();
            return null;
        }
        return certificate;
    }

    private X509Certificate2Collection? LoadTrust(ParseResult parseResult, List<string> errors)
    {
        if (parseResult.GetValue(Trust) is not { } path) return null;
        if (!File.Exists(path))
        {
            errors.Add($"--tls-trust: file '{path}' does not exist.");
            return null;
        }
        try
        {
            var trusted = new X509Certificate2Collection();
            if (File.ReadAllText(path).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) trusted.ImportFromPemFile(path);
            else trusted.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            if (trusted.Count > 0) return trusted;
            errors.Add($"--tls-trust: '{path}' holds no certificate.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"--tls-trust: cannot read '{path}': {e.Message}");
        }
        catch (CryptographicException e)
        {
            errors.Add($"--tls-trust: '{path}' is not a PEM or DER certificate: {e.Message}");
        }
        return null;
    }

    /// <summary>The presented certificate is one of the trusted ones (pinning), or chains to one of them as a root.</summary>
    private static bool IsTrusted(X509Certificate presented, X509Certificate2Collection trusted)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        if (trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span))) return true;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.ExtraStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
