using System.Net;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Server;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Export;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Network;

/// <summary>
/// Issue 11 acceptance, TLS: DCMTK against our SCP configured as the node configures it (<see cref="NodeTls"/>) with a
/// PEM and with a PKCS#12 server certificate, and with client certificates from a private CA (openssl-made); our SCU,
/// as the export worker sends, to DCMTK <c>storescp +tls</c> verifying nothing and verifying our client certificate.
/// </summary>
public class DcmtkNodeTlsTests
{
    private const string Ae = "TLSNODE";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private sealed class Scp(DicomServer server, string root) : IAsyncDisposable
    {
        public string Port => server.LocalEndPoint!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public string OutDirectory => Path.Combine(root, "out");
        public string[] Stored => Directory.Exists(OutDirectory) ? Directory.GetFiles(OutDirectory) : [];
        public ValueTask DisposeAsync() => server.DisposeAsync();
    }

    private static async Task<Scp> StartScp(string root, TlsOptions tls)
    {
        var server = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            Policy = new AcceptPolicy { CalledAeTitles = [Ae] },
            TempDirectory = Path.Combine(root, "tmp"),
            ArtimTimeout = Generous,
            Tls = NodeTls.Server(tls),
        }, new DirectoryStoreHandler(Path.Combine(root, "out")));
        await server.StartAsync();
        return new Scp(server, root);
    }

    private static ToolResult Dcmtk(string tool, params string[] arguments) =>
        ExternalTool.Run(tool, [.. arguments, "-to", "30", "-ta", "30", "-aec", Ae], TimeSpan.FromSeconds(90));

    [Theory]
    [InlineData("pem")]
    [InlineData("pkcs12")]
    public async Task Dcmtk_echoscu_tla_and_storescu_tls_to_our_scp(string format)
    {
        var root = TestPaths.NewTempDirectory("voxdose-dcmtk-tls");
        var pki = OpenSslPki.Create(Path.Combine(root, "pki"));
        var tls = format == "pem"
            ? new TlsOptions { Enabled = true, CertificatePath = pki.ServerPem, KeyPath = pki.ServerKey }
            : new TlsOptions { Enabled = true, CertificatePath = pki.ServerP12, CertificatePassword = OpenSslPki.Password };
        await using var scp = await StartScp(root, tls);

        // DCMTK verifies our certificate against the CA (its default, -rc); anonymous TLS: no client certificate.
        Dcmtk("echoscu", "+tla", "+cf", pki.CaPem, "127.0.0.1", scp.Port).EnsureSuccess();
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 2);
        Dcmtk("storescu", "+tls", pki.ClientKey, pki.ClientPem, "+cf", pki.CaPem, "+sd", "+r", "127.0.0.1", scp.Port, dir).EnsureSuccess();
        InteropData.AssertAllStored(files, scp.Stored);

        // DCMTK refuses our certificate when it trusts another CA; plain DICOM gets nowhere on the TLS port.
        Assert.NotEqual(0, Dcmtk("echoscu", "+tla", "+cf", pki.OtherCaPem, "127.0.0.1", scp.Port).ExitCode);
        Assert.NotEqual(0, Dcmtk("echoscu", "127.0.0.1", scp.Port).ExitCode);
        Dcmtk("echoscu", "+tla", "+cf", pki.CaPem, "127.0.0.1", scp.Port).EnsureSuccess();
    }

    [Fact]
    public async Task Our_scp_speaks_tls_1_2_and_1_3_and_refuses_tls_1_1()
    {
        var root = TestPaths.NewTempDirectory("voxdose-tls-versions");
        var pki = OpenSslPki.Create(Path.Combine(root, "pki"));
        await using var scp = await StartScp(root, new TlsOptions { Enabled = true, CertificatePath = pki.ServerPem, KeyPath = pki.ServerKey });
        ToolResult Handshake(string version) => ExternalTool.Run("bash",
            ["-c", $"openssl s_client -connect 127.0.0.1:{scp.Port} -servername localhost -CAfile '{pki.CaPem}' -verify_return_error {version} </dev/null"],
            TimeSpan.FromSeconds(60));

        var tls12 = Handshake("-tls1_2");
        Assert.True(tls12.ExitCode == 0, tls12.StdOut + tls12.StdErr);
        Assert.Contains("Protocol  : TLSv1.2", tls12.StdOut, StringComparison.Ordinal);
        var tls13 = Handshake("-tls1_3");
        Assert.True(tls13.ExitCode == 0, tls13.StdOut + tls13.StdErr);
        Assert.Contains("TLSv1.3", tls13.StdOut, StringComparison.Ordinal);
        // The client is allowed TLS 1.1 (security level 0); our server answers with a protocol_version alert.
        var tls11 = Handshake("-tls1_1 -cipher DEFAULT@SECLEVEL=0");
        Assert.NotEqual(0, tls11.ExitCode);
        Assert.Contains("alert protocol version", tls11.StdOut + tls11.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Our_scp_requiring_client_certificates_accepts_dcmtk_with_a_certificate_of_the_trusted_ca_only()
    {
        var root = TestPaths.NewTempDirectory("voxdose-dcmtk-mtls");
        var pki = OpenSslPki.Create(Path.Combine(root, "pki"));
        await using var scp = await StartScp(root, new TlsOptions
        {
            Enabled = true, CertificatePath = pki.ServerPem, KeyPath = pki.ServerKey, RequireClientCertificate = true, TrustedCaPath = pki.CaPem,
        });

        Dcmtk("echoscu", "+tls", pki.ClientKey, pki.ClientPem, "+cf", pki.CaPem, "127.0.0.1", scp.Port).EnsureSuccess();
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 2);
        Dcmtk("storescu", "+tls", pki.ClientKey, pki.ClientPem, "+cf", pki.CaPem, "+sd", "+r", "127.0.0.1", scp.Port, dir).EnsureSuccess();
        InteropData.AssertAllStored(files, scp.Stored);

        Assert.NotEqual(0, Dcmtk("echoscu", "+tla", "+cf", pki.CaPem, "127.0.0.1", scp.Port).ExitCode);
        Assert.NotEqual(0, Dcmtk("echoscu", "+tls", pki.SelfSignedClientKey, pki.SelfSignedClientPem, "+cf", pki.CaPem, "127.0.0.1", scp.Port).ExitCode);
        Assert.NotEqual(0, Dcmtk("echoscu", "+tls", pki.OtherClientKey, pki.OtherClientPem, "+cf", pki.CaPem, "127.0.0.1", scp.Port).ExitCode);
        Dcmtk("echoscu", "+tls", pki.ClientKey, pki.ClientPem, "+cf", pki.CaPem, "127.0.0.1", scp.Port).EnsureSuccess();
    }

    [Fact]
    public async Task Our_scu_exports_over_tls_to_dcmtk_storescp_verifying_nothing_or_our_client_certificate()
    {
        var root = TestPaths.NewTempDirectory("voxdose-dcmtk-tls-scu");
        var pki = OpenSslPki.Create(Path.Combine(root, "pki"));
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 2);
        var toSend = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);

        async Task<IReadOnlyList<SendResult>> Export(string outDir, string[] storescpTls, DestinationTlsOptions tls)
        {
            Directory.CreateDirectory(outDir);
            var port = ExternalTool.FreeTcpPort();
            using var storescp = BackgroundTool.Start("storescp", ["+tls", pki.ServerKey, pki.ServerPem, .. storescpTls, "-aet", "DCMTKTLS", "-od", outDir,
                port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await storescp.WaitForPortAsync(port);
            var destination = new DestinationOptions { Name = "dcmtk", AeTitle = "DCMTKTLS", Host = "localhost", Port = port, Tls = tls };
            // A sender per export: it keeps each destination's TLS files by name, as the node's does for its life.
            return await new DicomClientSender(TimeProvider.System).SendAsync(destination, "VOXDOSE", toSend, Generous, CancellationToken.None);
        }

        // storescp verifies nothing (-ic); we check its certificate against our CA and its name (localhost).
        var open = Path.Combine(root, "open");
        var sent = await Export(open, ["-ic"], new DestinationTlsOptions { Enabled = true, TrustedCaPath = pki.CaPem });
        Assert.All(sent, r => Assert.True(r.Success, r.Error));
        InteropData.AssertAllStored(files, Directory.GetFiles(open));

        // storescp requires and verifies our client certificate (-rc, +cf CA): sent with the CA-issued one, refused without.
        var mutual = Path.Combine(root, "mutual");
        sent = await Export(mutual, ["-rc", "+cf", pki.CaPem], new DestinationTlsOptions
        {
            Enabled = true, TrustedCaPath = pki.CaPem, CertificatePath = pki.ClientPem, KeyPath = pki.ClientKey,
        });
        Assert.All(sent, r => Assert.True(r.Success, r.Error));
        InteropData.AssertAllStored(files, Directory.GetFiles(mutual));
        var refused = await Export(Path.Combine(root, "refused"), ["-rc", "+cf", pki.CaPem], new DestinationTlsOptions { Enabled = true, TrustedCaPath = pki.CaPem });
        Assert.All(refused, r => Assert.False(r.Success));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "refused")));

        // Our SCU refuses storescp's certificate when the destination trusts another CA: nothing leaves.
        var untrusted = await Export(Path.Combine(root, "untrusted"), ["-ic"], new DestinationTlsOptions { Enabled = true, TrustedCaPath = pki.OtherCaPem });
        Assert.All(untrusted, r => Assert.False(r.Success));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "untrusted")));
    }
}
