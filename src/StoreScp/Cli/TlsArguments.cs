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
                ? "Our server certificate (required with --tls): PEM (key in --tls-key or the same file) or PKCS#12 with its key."
                : "Our client certificate, when the peer requires one: PEM (key in --tls-key or the same file) or PKCS#12 with its key.",
        };
        RequireClientCertificate = server ? new("--tls-require-client-cert") { Description = "Reject TLS clients without a certificate trusted by --tls-trust (or the system store)." } : null;
    }

    public Option<bool> Enable { get; } = new("--tls") { Description = "Use DICOM TLS (TLS 1.2/1.3)." };

    public Option<string> Certificate { get; }

    public Option<string> Key { get; } = new("--tls-key") { Description = "PEM private key of --tls-cert (PKCS#8, PKCS#1, SEC1, or encrypted PKCS#8 with --tls-cert-password-env)." };

    public Option<string> PasswordEnv { get; } = new("--tls-cert-password-env") { Description = "Name of the environment variable holding the password of the PKCS#12 file or encrypted key (never pass it on the command line)." };

    public Option<string> Trust { get; } = new("--tls-trust") { Description = "PEM or DER file with the CA or peer certificate(s) to trust; default: the system trust store." };

    public Option<bool>? RequireClientCertificate { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Enable);
        command.Options.Add(Certificate);
        command.Options.Add(Key);
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
        if (certificate is null && errors.Count == 0) errors.Add("--tls-cert: required with --tls (the server certificate: PEM with --tls-key, or PKCS#12 with its key).");
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
        var given = new Option?[] { Certificate, Key, PasswordEnv, Trust, RequireClientCertificate }
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
        var keyPath = parseResult.GetValue(Key);
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
        if (keyPath is not null && path is null) errors.Add("--tls-key: only meaningful with --tls-cert.");
        if (path is null) return null;
        try
        {
            // The node's loader: PEM (with --tls-key, or the key in the same file) or PKCS#12.
            return TlsFiles.LoadCertificate(path, keyPath, password);
        }
        catch (TlsFileException e)
        {
            errors.Add($"--tls-cert: {e.Message}{(password is null && e.Message.Contains("password", StringComparison.Ordinal) ? " Give it with --tls-cert-password-env." : "")}");
            return null;
        }
    }

    private X509Certificate2Collection? LoadTrust(ParseResult parseResult, List<string> errors)
    {
        if (parseResult.GetValue(Trust) is not { } path) return null;
        try
        {
            return TlsFiles.LoadCaBundle(path);
        }
        catch (TlsFileException e)
        {
            errors.Add($"--tls-trust: {e.Message}");
            return null;
        }
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
