using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Dicom.Network.Transport;
using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.Network;

public class ScuBehaviourTests
{
    private static DicomClientOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CalledAeTitle = "FAKE",
        AssociationTimeout = TimeSpan.FromSeconds(3),
        RequestTimeout = TimeSpan.FromMilliseconds(500),
    };

    private static readonly PresentationContextProposal[] Verification = [new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])];

    [Fact]
    public async Task Release_collision_is_answered_and_completes()
    {
        var gotOurResponse = false;
        await using var fake = new FakeAcceptor(async (reader, stream) =>
        {
            Assert.IsType<ReleaseRequestPdu>(await reader.ReadAsync(CancellationToken.None));
            await stream.WriteAsync(PduEncoder.Encode(ReleaseRequestPdu.Instance)); // both sides release at once
            gotOurResponse = await reader.ReadAsync(CancellationToken.None) is ReleaseResponsePdu;
            await stream.WriteAsync(PduEncoder.Encode(ReleaseResponsePdu.Instance));
        });
        var association = await DicomAssociation.OpenAsync(Options(fake.Port), Verification);
        await association.ReleaseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await fake.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(gotOurResponse, "the requestor did not answer the collision with A-RELEASE-RP");
        await association.DisposeAsync();
    }

    [Fact]
    public async Task A_peer_that_never_answers_times_out_and_is_aborted()
    {
        Pdu? after = null;
        await using var fake = new FakeAcceptor(async (reader, _) =>
        {
            Assert.IsType<DataTransferPdu>(await reader.ReadAsync(CancellationToken.None)); // the C-ECHO-RQ, never answered
            after = await reader.ReadAsync(CancellationToken.None);
        });
        await using var association = await DicomAssociation.OpenAsync(Options(fake.Port), Verification);
        var started = TimeProvider.System.GetTimestamp();
        await Assert.ThrowsAsync<TimeoutException>(() => association.EchoAsync());
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(3));
        await fake.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.IsType<AbortPdu>(after);
    }

    [Fact]
    public async Task Cancellation_ends_a_pending_request()
    {
        await using var fake = new FakeAcceptor(async (reader, _) =>
        {
            while (await reader.ReadAsync(CancellationToken.None) is not null and not AbortPdu) { }
        });
        await using var association = await DicomAssociation.OpenAsync(Options(fake.Port) with { RequestTimeout = TimeSpan.FromMinutes(5) }, Verification);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => association.EchoAsync(cts.Token));
    }

    [Fact]
    public async Task Dicom_tls_works_both_ways_with_a_self_signed_certificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=voxdose-test", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        using var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);

        // Generous handshake timeouts (server ARTIM, client connect): a TLS handshake took over 5 s on a loaded machine.
        var handshake = TimeSpan.FromSeconds(60);
        await using var scp = await ScpHarness.StartAsync(o => o with { Tls = new ServerTlsOptions { Certificate = certificate }, ArtimTimeout = handshake });
        var pinned = new ClientTlsOptions
        {
            ServerCertificateValidation = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString(),
        };
        var options = scp.Client() with { Tls = pinned, ConnectTimeout = handshake, AssociationTimeout = handshake };
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(options));
        var dir = TestPaths.NewTempDirectory();
        var file = SyntheticDicom.WritePetSeries(dir, 1)[0];
        Assert.True(Assert.Single(await DicomClient.SendAsync(options, [file])).Succeeded);
        DatasetAssert.Equal(DicomFile.Open(file).Dataset, DicomFile.Open(Assert.Single(scp.StoredFiles())).Dataset);

        // A client that does not trust the certificate fails cleanly; plain TCP to a TLS port fails within the timeouts.
        var untrusting = options with { Tls = new ClientTlsOptions() };
        await Assert.ThrowsAnyAsync<Exception>(() => DicomClient.EchoAsync(untrusting));
        await Assert.ThrowsAnyAsync<Exception>(() => DicomClient.EchoAsync(scp.Client()));
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(options));
    }
}
