using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Dicom.Network.Server;
using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.Network;

public class ServerClientTests
{
    [Fact]
    public async Task Echo_succeeds()
    {
        await using var scp = await ScpHarness.StartAsync();
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(scp.Client()));
    }

    [Fact]
    public async Task Ipv6_loopback_listener_serves_ipv6_clients()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with { BindAddress = System.Net.IPAddress.IPv6Loopback });
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, scp.Server.LocalEndPoint!.AddressFamily);
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(scp.Client() with { Host = "::1" }));
    }

    [Fact]
    public async Task Associations_beyond_the_limit_are_rejected_transiently_and_stop_aborts_the_rest()
    {
        var scp = await ScpHarness.StartAsync(o => o with { MaxAssociations = 1 });
        var verification = new PresentationContextProposal[] { new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]) };
        await using var first = await DicomAssociation.OpenAsync(scp.Client(), verification);
        var e = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => DicomClient.EchoAsync(scp.Client()));
        Assert.Equal((RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.LocalLimitExceeded), (e.Reject!.Result, e.Reject.Source, e.Reject.Reason));
        Assert.Equal(DimseStatus.Success, await first.EchoAsync());

        await scp.DisposeAsync(); // stops while `first` is open
        await Assert.ThrowsAnyAsync<Exception>(() => first.EchoAsync());
    }

    [Fact]
    public async Task Stored_instances_equal_the_sent_ones_element_by_element()
    {
        await using var scp = await ScpHarness.StartAsync();
        var dir = TestPaths.NewTempDirectory();
        var files = SyntheticDicom.WritePetSeries(dir, 5, rows: 64, columns: 64);
        var results = await DicomClient.SendAsync(scp.Client() with { MaxPduLength = 4096 }, [dir]);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        foreach (var path in files)
        {
            var sent = DicomFile.Open(path);
            var stored = DicomFile.Open(Path.Combine(scp.OutDirectory, sent.Dataset.GetString(DicomTag.SOPInstanceUID) + ".dcm"));
            DatasetAssert.Equal(sent.Dataset, stored.Dataset);
            Assert.Equal("TESTSCU", stored.Meta.GetString(DicomTag.SourceApplicationEntityTitle));
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(scp.Root, "tmp")));
    }

    [Fact]
    public async Task Unknown_called_ae_is_rejected_permanent_service_user_reason_7()
    {
        await using var scp = await ScpHarness.StartAsync();
        var e = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => DicomClient.EchoAsync(scp.Client("NOBODY")));
        Assert.Equal((RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CalledAeTitleNotRecognized), (e.Reject!.Result, e.Reject.Source, e.Reject.Reason));
    }

    [Fact]
    public async Task Calling_ae_outside_the_allow_list_is_rejected_with_reason_3()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with { Policy = o.Policy with { CallingAeTitles = ["PACS"] } });
        var e = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => DicomClient.EchoAsync(scp.Client()));
        Assert.Equal(RejectReason.CallingAeTitleNotRecognized, e.Reject!.Reason);
    }

    [Fact]
    public async Task Implicit_file_is_converted_when_the_scp_only_takes_explicit()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with
        {
            Policy = o.Policy with { PreferredTransferSyntaxes = [DicomUids.ExplicitVRLittleEndian], AcceptOtherTransferSyntaxes = false },
        });
        var dir = TestPaths.NewTempDirectory();
        var file = SyntheticDicom.WritePetSeries(dir, 1, transferSyntax: DicomTransferSyntax.ImplicitVRLittleEndian)[0];
        var result = Assert.Single(await DicomClient.SendAsync(scp.Client(), [file]));
        Assert.True(result.Succeeded, result.ToString());
        var stored = DicomFile.Open(Assert.Single(scp.StoredFiles()));
        Assert.Equal(DicomUids.ExplicitVRLittleEndian, stored.TransferSyntax.Uid);
        DatasetAssert.Equal(DicomFile.Open(file).Dataset, stored.Dataset);
    }

    [Fact]
    public async Task Compressed_file_not_accepted_fails_alone_with_a_clear_reason()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with { Policy = o.Policy with { AcceptOtherTransferSyntaxes = false } });
        var dir = TestPaths.NewTempDirectory();
        var good = SyntheticDicom.WritePetSeries(dir, 2);
        var jpeg = Path.Combine(TestPaths.PydicomTestFiles, "SC_rgb_jpeg_dcmtk.dcm");
        var results = await DicomClient.SendAsync(scp.Client(), [good[0], jpeg, good[1]]);
        Assert.True(results[0].Succeeded);
        Assert.True(results[2].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Contains("cannot be converted", results[1].Error, StringComparison.Ordinal);
        Assert.Equal(2, scp.StoredFiles().Length);
    }

    [Fact]
    public async Task Handler_status_is_returned_and_a_failing_handler_gives_0110()
    {
        var handler = new StatusHandler(DimseStatus.OutOfResources);
        await using (var scp = await ScpHarness.StartAsync(handler: handler))
        {
            var dir = TestPaths.NewTempDirectory();
            SyntheticDicom.WritePetSeries(dir, 2);
            var results = await DicomClient.SendAsync(scp.Client(), [dir]);
            Assert.All(results, r => Assert.Equal(DimseStatus.OutOfResources, r.Status));
            Assert.All(results, r => Assert.False(r.Succeeded));
            Assert.Equal(2, handler.Calls);
        }
        await using (var scp = await ScpHarness.StartAsync(handler: new StatusHandler(null)))
        {
            var dir = TestPaths.NewTempDirectory();
            SyntheticDicom.WritePetSeries(dir, 1);
            var result = Assert.Single(await DicomClient.SendAsync(scp.Client(), [dir]));
            Assert.Equal(DimseStatus.ProcessingFailure, result.Status);
            Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(scp.Client()));
        }
    }

    [Fact]
    public async Task Unreadable_file_fails_alone()
    {
        await using var scp = await ScpHarness.StartAsync();
        var dir = TestPaths.NewTempDirectory();
        var good = SyntheticDicom.WritePetSeries(dir, 1)[0];
        var bad = Path.Combine(dir, "notes.txt");
        await File.WriteAllTextAsync(bad, "not dicom");
        var results = await DicomClient.SendAsync(scp.Client(), [dir]);
        Assert.Equal(2, results.Count);
        Assert.Contains(results, r => r.Path == bad && !r.Succeeded && r.Error is not null);
        Assert.Contains(results, r => r.Path == good && r.Succeeded);
    }

    [Fact]
    public async Task Sending_to_a_closed_port_fails_quickly_without_hanging()
    {
        var options = new DicomClientOptions { Host = "127.0.0.1", Port = ExternalTool.FreeTcpPort(), CalledAeTitle = "X", ConnectTimeout = TimeSpan.FromSeconds(3) };
        await Assert.ThrowsAsync<DicomNetworkException>(() => DicomClient.EchoAsync(options));
        var dir = TestPaths.NewTempDirectory();
        SyntheticDicom.WritePetSeries(dir, 2);
        var results = await DicomClient.SendAsync(options, [dir]);
        Assert.All(results, r => Assert.Contains("Cannot connect", r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Priority_and_move_originator_reach_the_handler()
    {
        var handler = new CapturingHandler();
        await using var scp = await ScpHarness.StartAsync(handler: handler);
        var dir = TestPaths.NewTempDirectory();
        var file = SyntheticDicom.WritePetSeries(dir, 1)[0];
        var sent = DicomFile.Open(file);
        await using var association = await DicomAssociation.OpenAsync(scp.Client() with { Priority = DimsePriority.High },
            [new PresentationContextProposal(1, DicomUids.PETImageStorage, [DicomUids.ExplicitVRLittleEndian])]);
        var context = association.FindContext(DicomUids.PETImageStorage, DicomUids.ExplicitVRLittleEndian)!;
        await using var data = new MemoryStream(DicomDatasetWriter.ToBytes(sent.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian));
        var response = await association.StoreAsync(context, sent.Dataset.GetString(DicomTag.SOPInstanceUID)!, data, "MOVESCU", 77);
        await association.ReleaseAsync();
        Assert.Equal(DimseStatus.Success, response.Status);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(DimsePriority.High, request.Priority);
        Assert.Equal("MOVESCU", request.MoveOriginatorAeTitle);
        Assert.Equal((ushort)77, request.MoveOriginatorMessageId);
        Assert.Equal("TESTSCU", request.Association.CallingAeTitle);
        Assert.Equal(DicomUids.ExplicitVRLittleEndian, request.TransferSyntaxUid);
    }

    [Fact]
    public async Task Received_file_comes_with_its_sha256_computed_while_receiving()
    {
        var handler = new HashCheckingHandler();
        await using var scp = await ScpHarness.StartAsync(handler: handler);
        var dir = TestPaths.NewTempDirectory();
        SyntheticDicom.WritePetSeries(dir, 3, rows: 64, columns: 64);
        var results = await DicomClient.SendAsync(scp.Client() with { MaxPduLength = 4096 }, [dir]);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(3, handler.Checked.Count);
        // SHA-256 of the bytes on disk, computed independently, equals the one the receiver computed in flight.
        Assert.All(handler.Checked, c => Assert.Equal((c.OnDisk, c.OnDiskLength), (c.Received, c.ReceivedLength)));
    }

    private sealed class HashCheckingHandler : IDicomServiceHandler
    {
        public List<(string? Received, string OnDisk, long ReceivedLength, long OnDiskLength)> Checked { get; } = [];

        public ValueTask<StoreResponse> OnStoreAsync(StoreRequest request, CancellationToken cancellationToken)
        {
            var bytes = File.ReadAllBytes(request.FilePath);
            var onDisk = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            lock (Checked) Checked.Add((request.FileSha256, onDisk, request.FileLength, bytes.LongLength));
            return ValueTask.FromResult(StoreResponse.Success);
        }
    }

    private sealed class CapturingHandler : IDicomServiceHandler
    {
        public List<StoreRequest> Requests { get; } = [];

        public ValueTask<StoreResponse> OnStoreAsync(StoreRequest request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add(request);
            return ValueTask.FromResult(StoreResponse.Success);
        }
    }

    private sealed class StatusHandler(ushort? status) : IDicomServiceHandler
    {
        public int Calls;

        public ValueTask<StoreResponse> OnStoreAsync(StoreRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            Assert.True(File.Exists(request.FilePath));
            return status is { } s ? ValueTask.FromResult(new StoreResponse(s, "test")) : throw new IOException("disk on fire");
        }
    }
}
