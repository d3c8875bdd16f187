using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Transport;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Configuration;

/// <summary>Issue 11, TLS: the built <c>voxdose serve</c> with TLS configured by PEM files and with a wrong PKCS#12 password.</summary>
public class ServeTlsExitCodeTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    private readonly OpenSslPki _pki = fixture.Pki;

    private static string Voxdose => Path.Combine(AppContext.BaseDirectory, "voxdose.dll");

    private static string WriteConfig(string dir, int port, string tls)
    {
        var file = Path.Combine(dir, "node.json");
        File.WriteAllText(file, $$"""
            { "VoxDose": { "Storage": { "Root": "{{Path.Combine(dir, "root")}}", "MinFreeMegabytes": 1 }, "Web": { "Enabled": false },
                           "Scp": { "AeTitle": "TLSNODE", "BindAddress": "127.0.0.1", "Port": {{port}}, "AllowAnyCaller": true,
                                    "Tls": {{tls}} } } }
            """);
        return file;
    }

    [Fact]
    public void A_wrong_certificate_password_exits_2_not_1()
    {
        // Was: the PKCS#12 file was opened when the listener started, and the CryptographicException ended `serve` with exit 1.
        var dir = TestPaths.NewTempDirectory("voxdose-serve-tls-password");
        try
        {
            var file = WriteConfig(dir, 11112, $$"""{ "Enabled": true, "CertificatePath": "{{_pki.ServerP12}}", "CertificatePassword": "wrong" }""");
            var run = ExternalTool.Run("dotnet", [Voxdose, "serve", "--config", file], TimeSpan.FromMinutes(1));
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("VoxDose:Scp:Tls:CertificatePath: certificate file '" + _pki.ServerP12 + "' cannot be opened as PKCS#12: the password is wrong", run.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong\"", run.StdErr + run.StdOut, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dir, "root")), "the node must not start");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task A_pem_certificate_and_key_serve_dicom_tls_instead_of_failing_with_asn1_corrupted_data()
    {
        // Was: a PEM certificate was opened as PKCS#12: "ASN1 corrupted data" and exit 1.
        var dir = TestPaths.NewTempDirectory("voxdose-serve-tls-pem");
        try
        {
            var port = ExternalTool.FreeTcpPort();
            var file = WriteConfig(dir, port, $$"""
                { "Enabled": true, "CertificatePath": "{{_pki.ServerPem}}", "KeyPath": "{{_pki.ServerEncryptedKey}}", "CertificatePassword": "{{OpenSslPki.Password}}" }
                """);
            using var node = BackgroundTool.Start("dotnet", [Voxdose, "serve", "--config", file]);
            await node.WaitForPortAsync(port, TimeSpan.FromSeconds(90));
            var tls = new ClientTlsOptions
            {
                TargetHost = "localhost",
                ServerCertificatePolicy = TlsFiles.TrustOnly(TlsFiles.LoadCaBundle(_pki.CaPem), TlsFiles.ServerAuthenticationOid),
            };
            var options = new DicomClientOptions
            {
                Host = "127.0.0.1", Port = port, CalledAeTitle = "TLSNODE", CallingAeTitle = "MODALITY", Tls = tls,
                ConnectTimeout = TimeSpan.FromSeconds(60), AssociationTimeout = TimeSpan.FromSeconds(60),
            };
            ushort status;
            try
            {
                status = await DicomClient.EchoAsync(options);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"echo over TLS failed; the node printed:\n{node.Output}", e);
            }
            Assert.Equal(DimseStatus.Success, status);
            Assert.DoesNotContain("ASN1", node.Output, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }
}
