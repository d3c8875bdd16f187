using System.Net;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Server;
using VoxDose.Dicom.Network.Transport;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Export;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>
/// Issue 11, TLS: the node's listener with a PEM certificate and a private CA as the only trust root for client
/// certificates, and results sent to a TLS destination whose certificate is checked (CA bundle, host name). The PKI is
/// made with openssl.
/// </summary>
public class NodeTlsTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60); // TLS handshakes on a loaded machine

    private readonly OpenSslPki _pki = fixture.Pki;

    private ClientTlsOptions TrustingOurCa(string? clientPem = null, string? clientKey = null, string? password = null) => new()
    {
        TargetHost = "localhost",
        ServerCertificatePolicy = TlsFiles.TrustOnly(TlsFiles.LoadCaBundle(_pki.CaPem), TlsFiles.ServerAuthenticationOid),
        ClientCertificates = clientPem is null ? null : [TlsFiles.LoadCertificate(clientPem, clientKey, password)],
    };

    private static DicomClientOptions Echo(int port, ClientTlsOptions? tls) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CalledAeTitle = "VOXDOSE",
        CallingAeTitle = "MODALITY",
        Tls = tls,
        ConnectTimeout = Generous,
        AssociationTimeout = Generous,
    };

    [Fact]
    public async Task Require_client_certificate_accepts_a_client_of_the_configured_ca_and_refuses_self_signed_and_other_ca_clients()
    {
        // Was: no trust anchor for client certificates, so RequireClientCertificate refused every client of a private CA.
        var root = TestPaths.NewTempDirectory("voxdose-node-mtls");
        await using var node = await NodeHarness.StartAsync(root, new FakeProcessor(), new FlakySender { Up = true }, extra: new()
        {
            ["VoxDose:Scp:Tls:Enabled"] = "true",
            ["VoxDose:Scp:Tls:CertificatePath"] = _pki.ServerPem,
            ["VoxDose:Scp:Tls:KeyPath"] = _pki.ServerKey,
            ["VoxDose:Scp:Tls:RequireClientCertificate"] = "true",
            ["VoxDose:Scp:Tls:TrustedCaPath"] = _pki.CaPem,
        });

        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(Echo(node.ScpPort, TrustingOurCa(_pki.ClientPem, _pki.ClientKey))));
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(Echo(node.ScpPort, TrustingOurCa(_pki.ClientP12, password: OpenSslPki.Password))));

        await Assert.ThrowsAnyAsync<Exception>(() => DicomClient.EchoAsync(Echo(node.ScpPort, TrustingOurCa(_pki.SelfSignedClientPem, _pki.SelfSignedClientKey))));
        await Assert.ThrowsAnyAsync<Exception>(() => DicomClient.EchoAsync(Echo(node.ScpPort, TrustingOurCa(_pki.OtherClientPem, _pki.OtherClientKey))));
        await Assert.ThrowsAnyAsync<Exception>(() => DicomClient.EchoAsync(Echo(node.ScpPort, TrustingOurCa())));
        await Assert.ThrowsAnyAsync<Exception>(() => DicomClient.EchoAsync(Echo(node.ScpPort, null)));

        // Still serving after the refusals.
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(Echo(node.ScpPort, TrustingOurCa(_pki.ClientPem, _pki.ClientKey))));
    }

    [Fact]
    public async Task Results_to_a_tls_destination_leave_over_tls_with_its_certificate_and_host_name_checked()
    {
        // Was: destinations could not use TLS, so results always left in plain text.
        var root = TestPaths.NewTempDirectory("voxdose-dest-tls");
        var files = SyntheticDicom.WritePetSeries(Path.Combine(root, "in"), 2);
        var tls = NodeTls.Server(new TlsOptions { Enabled = true, CertificatePath = _pki.ServerP12, CertificatePassword = OpenSslPki.Password });
        await using var pacs = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            Policy = new AcceptPolicy { CalledAeTitles = ["PACS"] },
            TempDirectory = Path.Combine(root, "tmp"),
            ArtimTimeout = Generous,
            Tls = tls,
        }, new DirectoryStoreHandler(Path.Combine(root, "out")));
        await pacs.StartAsync();
        var sender = new DicomClientSender(TimeProvider.System);
        DestinationOptions Destination(string name, string host, DestinationTlsOptions destinationTls) =>
            new() { Name = name, AeTitle = "PACS", Host = host, Port = pacs.LocalEndPoint!.Port, Tls = destinationTls };
        async Task<IReadOnlyList<SendResult>> Send(DestinationOptions destination) =>
            await sender.SendAsync(destination, "VOXDOSE", files, Generous, CancellationToken.None);

        var good = await Send(Destination("ca", "127.0.0.1", new() { Enabled = true, TrustedCaPath = _pki.CaPem }));
        Assert.All(good, r => Assert.True(r.Success, r.Error));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(root, "out"), "*.dcm").Length);
        var byName = await Send(Destination("dns", "localhost", new() { Enabled = true, TrustedCaPath = _pki.CaPem }));
        Assert.All(byName, r => Assert.True(r.Success, r.Error));

        // Refused: plain TCP to the TLS port, a certificate the system store does not trust, another CA, another name.
        Assert.All(await Send(Destination("plain", "127.0.0.1", new())), r => Assert.False(r.Success));
        Assert.All(await Send(Destination("system", "127.0.0.1", new() { Enabled = true })), r => Assert.False(r.Success));
        Assert.All(await Send(Destination("other", "127.0.0.1", new() { Enabled = true, TrustedCaPath = _pki.OtherCaPem })), r => Assert.False(r.Success));
        var wrongName = await Send(Destination("name", "127.0.0.1", new() { Enabled = true, TrustedCaPath = _pki.CaPem, ServerName = "pacs.example.org" }));
        Assert.All(wrongName, r => Assert.False(r.Success));
        Assert.All(wrongName, r => Assert.Contains("Authentication", r.Error, StringComparison.Ordinal));
        tls.Certificate.Dispose();
    }
}
