using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Network;

/// <summary>
/// Interop: the verbs' DICOM TLS options (<c>--tls</c>, <c>--tls-cert</c>, <c>--tls-cert-password-env</c>, <c>--tls-trust</c>,
/// <c>--tls-require-client-cert</c>) run as processes, with a self-signed certificate, against each other and DCMTK echoscu.
/// </summary>
public class VoxdoseVerbsTlsTests
{
    private const string PasswordVariable = "VOXDOSE_TEST_TLS_PASSWORD";
    private static readonly string Voxdose = Path.Combine(AppContext.BaseDirectory, "voxdose.dll");

    [Fact]
    public async Task Store_scp_over_tls_receives_from_send_echo_and_dcmtk_echoscu_and_refuses_plain_echo()
    {
        var root = TestPaths.NewTempDirectory("voxdose-verb-tls");
        using var cert = new SelfSignedCertificate(root);
        var (p12, environment) = WritePkcs12(cert, root);
        var outDir = Path.Combine(root, "out");
        var port = ExternalTool.FreeTcpPort().ToString();
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 2);
        using (var scp = BackgroundTool.Start("dotnet", [Voxdose, "store-scp", "--bind", "127.0.0.1", "--port", port, "--aet", "TLSVERB", "--out", outDir,
                   "--tls", "--tls-cert", p12, "--tls-cert-password-env", PasswordVariable], environment: environment))
        {
            await scp.WaitForPortAsync(int.Parse(port));
            string[] peer = ["--host", "127.0.0.1", "--port", port, "--called-ae", "TLSVERB", "--timeout", "10"];

            var echo = Voxdose_("echo", [.. peer, "--tls", "--tls-trust", cert.CertificatePem]);
            Assert.True(echo.ExitCode == 0, echo.StdOut + echo.StdErr);
            Assert.Contains("Success", echo.StdOut, StringComparison.Ordinal);

            var send = Voxdose_("send", [.. peer, "--tls", "--tls-trust", cert.CertificatePem, dir]);
            Assert.True(send.ExitCode == 0, send.StdOut + send.StdErr);
            Assert.Contains($"sent {files.Count} of {files.Count} instances", send.StdOut, StringComparison.Ordinal);

            ExternalTool.Run("echoscu", ["+tla", "+cf", cert.CertificatePem, "-aec", "TLSVERB", "-to", "10", "127.0.0.1", port], TimeSpan.FromSeconds(30)).EnsureSuccess();

            // Plain DICOM to a TLS port: a clean failure, quickly (the SCP drops the non-TLS bytes), not a hang.
            var watch = Stopwatch.StartNew();
            var plain = Voxdose_("echo", peer);
            Assert.Equal(1, plain.ExitCode);
            Assert.Contains("C-ECHO TLSVERB@127.0.0.1", plain.StdErr, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(9), $"plain echo took {watch.Elapsed}");

            // Without --tls-trust the system store is used, which does not trust a self-signed certificate.
            var untrusted = Voxdose_("echo", [.. peer, "--tls"]);
            Assert.Equal(1, untrusted.ExitCode);
            Assert.Contains("failed", untrusted.StdErr, StringComparison.Ordinal);

            // The SCP is still serving after the failed handshakes.
            Assert.Equal(0, Voxdose_("echo", [.. peer, "--tls", "--tls-trust", cert.CertificatePem]).ExitCode);
        }
        InteropData.AssertAllStored(files, Directory.GetFiles(outDir, "*.dcm"));
    }

    [Fact]
    public async Task Store_scp_requiring_a_client_certificate_accepts_only_clients_presenting_a_trusted_one()
    {
        var root = TestPaths.NewTempDirectory("voxdose-verb-mtls");
        using var cert = new SelfSignedCertificate(root);
        var (p12, environment) = WritePkcs12(cert, root);
        var port = ExternalTool.FreeTcpPort().ToString();
        string[] tls = ["--tls", "--tls-cert", p12, "--tls-cert-password-env", PasswordVariable, "--tls-trust", cert.CertificatePem];
        using var scp = BackgroundTool.Start("dotnet", [Voxdose, "store-scp", "--bind", "127.0.0.1", "--port", port, "--aet", "MTLS", "--out", Path.Combine(root, "out"),
            .. tls, "--tls-require-client-cert"], environment: environment);
        await scp.WaitForPortAsync(int.Parse(port));
        string[] peer = ["--host", "127.0.0.1", "--port", port, "--called-ae", "MTLS", "--timeout", "10"];

        var withCertificate = Voxdose_("echo", [.. peer, .. tls], environment);
        Assert.True(withCertificate.ExitCode == 0, withCertificate.StdOut + withCertificate.StdErr);

        var without = Voxdose_("echo", [.. peer, "--tls", "--tls-trust", cert.CertificatePem]);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("failed", without.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_scp_takes_a_pem_certificate_with_its_key_file()
    {
        var root = TestPaths.NewTempDirectory("voxdose-verb-tls-pem");
        using var cert = new SelfSignedCertificate(root);
        var port = ExternalTool.FreeTcpPort().ToString();
        using var scp = BackgroundTool.Start("dotnet", [Voxdose, "store-scp", "--bind", "127.0.0.1", "--port", port, "--aet", "PEMSCP", "--out", Path.Combine(root, "out"),
            "--tls", "--tls-cert", cert.CertificatePem, "--tls-key", cert.KeyPem]);
        await scp.WaitForPortAsync(int.Parse(port));
        var echo = Voxdose_("echo", ["--host", "127.0.0.1", "--port", port, "--called-ae", "PEMSCP", "--timeout", "30", "--tls", "--tls-trust", cert.CertificatePem]);
        Assert.True(echo.ExitCode == 0, echo.StdOut + echo.StdErr);
    }

    [Fact]
    public void Bad_tls_arguments_exit_with_code_2_and_name_the_problem()
    {
        var root = TestPaths.NewTempDirectory("voxdose-verb-tls-bad");
        using var cert = new SelfSignedCertificate(root);
        var (p12, environment) = WritePkcs12(cert, root);
        var port = ExternalTool.FreeTcpPort().ToString();
        string[] scp = ["--bind", "127.0.0.1", "--port", port, "--aet", "BAD", "--out", Path.Combine(root, "out")];
        string[] peer = ["--host", "127.0.0.1", "--port", port, "--called-ae", "BAD"];

        AssertUsageError(Voxdose_("store-scp", [.. scp, "--tls"]), "--tls-cert: required");
        AssertUsageError(Voxdose_("store-scp", [.. scp, "--tls", "--tls-cert", Path.Combine(root, "missing.p12")]), "does not exist");
        AssertUsageError(Voxdose_("store-scp", [.. scp, "--tls", "--tls-cert", p12, "--tls-cert-password-env", PasswordVariable],
            new Dictionary<string, string> { [PasswordVariable] = "wrong" }), "the password is wrong");
        AssertUsageError(Voxdose_("store-scp", [.. scp, "--tls", "--tls-cert", p12]), "protected by a password and none is set");
        AssertUsageError(Voxdose_("store-scp", [.. scp, "--tls", "--tls-cert", cert.CertificatePem]), "holds no private key");
        AssertUsageError(Voxdose_("store-scp", [.. scp, "--tls", "--tls-cert", cert.CertificatePem, "--tls-key", p12]), "holds no PEM private key");
        AssertUsageError(Voxdose_("store-scp", [.. scp, "--tls", "--tls-cert", p12, "--tls-cert-password-env", "VOXDOSE_TEST_UNSET_VARIABLE"]), "is not set");
        AssertUsageError(Voxdose_("echo", [.. peer, "--tls-trust", cert.CertificatePem]), "only valid with --tls");
        AssertUsageError(Voxdose_("echo", [.. peer, "--tls", "--tls-trust", p12]), "--tls-trust");
        AssertUsageError(Voxdose_("send", [.. peer, "--tls", "--tls-cert", p12, root], environment: null), "none is set");
        Assert.True(environment.ContainsKey(PasswordVariable));
    }

    private static void AssertUsageError(ToolResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.StdOut}{result.StdErr}");
        Assert.Contains(expected, result.StdErr, StringComparison.Ordinal);
    }

    private static ToolResult Voxdose_(string verb, string[] arguments, IDictionary<string, string>? environment = null) =>
        ExternalTool.Run("dotnet", [Voxdose, verb, .. arguments], TimeSpan.FromSeconds(60), environment: environment);

    /// <summary>The certificate and key as a password-protected PKCS#12 file, and the environment holding the password.</summary>
    private static (string Path, Dictionary<string, string> Environment) WritePkcs12(SelfSignedCertificate cert, string directory)
    {
        var password = Guid.NewGuid().ToString("N");
        var path = Path.Combine(directory, "voxdose.p12");
        File.WriteAllBytes(path, cert.Certificate.Export(X509ContentType.Pfx, password));
        return (path, new Dictionary<string, string> { [PasswordVariable] = password });
    }
}
