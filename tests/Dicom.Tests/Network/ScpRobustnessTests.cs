using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>
/// Hostile and broken peers against the in-process SCP. After each, the server still answers C-ECHO, has not
/// stored anything partial and has left no temporary file behind.
/// </summary>
[Collection("NetworkLoad")]
public class ScpRobustnessTests
{
    private static readonly PresentationContextProposal PetContext = new(1, DicomUids.PETImageStorage, [DicomUids.ExplicitVRLittleEndian]);

    private static async Task AssertStillServingAsync(ScpHarness scp)
    {
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(scp.Client()));
        for (var i = 0; i < 50 && scp.Server.ActiveAssociations > 0; i++) await Task.Delay(20);
        Assert.Empty(Directory.GetFiles(Path.Combine(scp.Root, "tmp")));
        Assert.Empty(scp.Log.Errors); // hostile input is a protocol error, never an internal one
    }

    [Fact]
    public async Task Random_bytes_are_aborted_or_dropped()
    {
        await using var scp = await ScpHarness.StartAsync();
        var random = new Random(1234);
        for (var round = 0; round < 5; round++)
        {
            await using var peer = await RawPeer.ConnectAsync(scp.Port);
            var bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            await peer.SendAsync(bytes);
            Assert.True(await peer.ClosedByServerAsync(TimeSpan.FromSeconds(5)), "the server kept a garbage connection open");
        }
        await AssertStillServingAsync(scp);
    }

    [Fact]
    public async Task Mutated_sessions_never_take_the_server_down()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with { ArtimTimeout = TimeSpan.FromMilliseconds(500), IdleTimeout = TimeSpan.FromMilliseconds(500) });
        var session = new List<byte>();
        session.AddRange(PduEncoder.Encode(new AssociateRequestPdu
        {
            CalledAeTitle = ScpHarness.AeTitle, CallingAeTitle = "FUZZ", PresentationContexts = [PetContext, new(3, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])],
            UserInformation = new UserInformation { MaxPduLength = 16384 },
        }));
        session.AddRange(RawPeer.DataPdu(3, true, true, DicomCommandCodec.Encode(DicomCommand.EchoRequest(1))));
        session.AddRange(RawPeer.DataPdu(1, true, true, DicomCommandCodec.Encode(DicomCommand.StoreRequest(2, DicomUids.PETImageStorage, "1.2.3.4"))));
        session.AddRange(RawPeer.DataPdu(1, false, true, DicomDatasetWriter.ToBytes(SyntheticDicom.PetImage(0, 4, 4), DicomTransferSyntax.ExplicitVRLittleEndian)));
        session.AddRange(PduEncoder.Encode(ReleaseRequestPdu.Instance));
        var valid = session.ToArray();
        var random = new Random(99);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async round =>
        {
            var bytes = (byte[])valid.Clone();
            lock (random)
                for (var k = random.Next(1, 4); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            await using var peer = await RawPeer.ConnectAsync(scp.Port);
            try
            {
                await peer.SendAsync(bytes);
                await peer.ClosedByServerAsync(TimeSpan.FromSeconds(5));
            }
            catch (IOException)
            {
            }
        }));
        await AssertStillServingAsync(scp);
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0, 0xFF, 0xFF, 0xFF, 0xFF }, AbortReason.InvalidPduParameterValue)] // length 0xFFFFFFFF
    [InlineData(new byte[] { 0x04, 0, 0, 0, 0, 6, 0, 0, 0, 2, 1, 3 }, AbortReason.UnexpectedPdu)] // P-DATA before association
    [InlineData(new byte[] { 0x0A, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, AbortReason.UnrecognizedPdu)] // unknown PDU type
    [InlineData(new byte[] { 0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, AbortReason.UnexpectedPdu)] // release before association
    public async Task Protocol_violations_get_a_provider_abort_with_the_reason(byte[] wire, AbortReason reason)
    {
        await using var scp = await ScpHarness.StartAsync();
        await using (var peer = await RawPeer.ConnectAsync(scp.Port))
        {
            await peer.SendAsync(wire);
            var abort = Assert.IsType<AbortPdu>(await peer.ReceiveAsync());
            Assert.Equal(AbortSource.ServiceProvider, abort.Source);
            Assert.Equal(reason, abort.Reason);
        }
        await AssertStillServingAsync(scp);
    }

    [Fact]
    public async Task Oversized_pdu_after_association_is_aborted_before_it_is_buffered()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with { MaxPduLength = 16384 });
        await using (var peer = await RawPeer.ConnectAsync(scp.Port))
        {
            await peer.AssociateAsync(ScpHarness.AeTitle, PetContext);
            await peer.SendAsync(new byte[] { 0x04, 0, 0, 0x10, 0, 0 }); // 1 MiB announced, above the 16 KiB we offered
            Assert.Equal(AbortReason.InvalidPduParameterValue, Assert.IsType<AbortPdu>(await peer.ReceiveAsync()).Reason);
        }
        await AssertStillServingAsync(scp);
    }

    [Fact]
    public async Task Truncated_pdu_then_close_is_dropped()
    {
        await using var scp = await ScpHarness.StartAsync();
        await using (var peer = await RawPeer.ConnectAsync(scp.Port))
        {
            var rq = PduEncoder.Encode(new AssociateRequestPdu { CalledAeTitle = ScpHarness.AeTitle, CallingAeTitle = "X", PresentationContexts = [PetContext] });
            await peer.SendAsync(rq[..(rq.Length / 2)]);
        }
        await AssertStillServingAsync(scp);
    }

    [Fact]
    public async Task Abort_in_mid_transfer_stores_nothing_and_leaves_no_temp_file()
    {
        await using var scp = await ScpHarness.StartAsync();
        await using (var peer = await RawPeer.ConnectAsync(scp.Port))
        {
            await peer.AssociateAsync(ScpHarness.AeTitle, PetContext);
            var command = DicomCommandCodec.Encode(DicomCommand.StoreRequest(1, DicomUids.PETImageStorage, "1.2.3.4"));
            await peer.SendAsync(RawPeer.DataPdu(1, true, true, command));
            await peer.SendAsync(RawPeer.DataPdu(1, false, false, new byte[8000]));
            await Task.Delay(100);
            Assert.Single(Directory.GetFiles(Path.Combine(scp.Root, "tmp"))); // streamed to disk, not held in memory
            await peer.SendAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified));
            Assert.True(await peer.ClosedByServerAsync(TimeSpan.FromSeconds(5)));
        }
        await AssertStillServingAsync(scp);
        Assert.Empty(scp.StoredFiles());
    }

    [Fact]
    public async Task Stray_response_is_ignored_and_store_without_data_set_is_refused()
    {
        await using var scp = await ScpHarness.StartAsync();
        await using var peer = await RawPeer.ConnectAsync(scp.Port);
        await peer.AssociateAsync(ScpHarness.AeTitle, PetContext);
        var stray = DicomCommand.StoreResponse(DicomCommand.StoreRequest(9, DicomUids.PETImageStorage, "1.2.3"), DimseStatus.Success);
        await peer.SendAsync(RawPeer.DataPdu(1, true, true, DicomCommandCodec.Encode(stray)));
        var noData = DicomCommand.StoreRequest(10, DicomUids.PETImageStorage, "1.2.3") with { HasDataSet = false };
        await peer.SendAsync(RawPeer.DataPdu(1, true, true, DicomCommandCodec.Encode(noData)));
        var answer = Assert.IsType<DataTransferPdu>(await peer.ReceiveAsync());
        var response = DicomCommandCodec.Decode(answer.Values[0].Data.Span);
        Assert.Equal((ushort)10, response.MessageIdBeingRespondedTo); // the stray response got no answer
        Assert.Equal(DimseStatus.CannotUnderstand, response.Status);
        Assert.Empty(scp.StoredFiles());
    }

    [Fact]
    public async Task Data_set_over_the_limit_is_aborted()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with { MaxDataSetLength = 20_000 });
        await using (var peer = await RawPeer.ConnectAsync(scp.Port))
        {
            await peer.AssociateAsync(ScpHarness.AeTitle, PetContext);
            await peer.SendAsync(RawPeer.DataPdu(1, true, true, DicomCommandCodec.Encode(DicomCommand.StoreRequest(1, DicomUids.PETImageStorage, "1.2.3.4"))));
            Pdu? answer = null;
            for (var i = 0; i < 10 && answer is null; i++)
            {
                try { await peer.SendAsync(RawPeer.DataPdu(1, false, false, new byte[8000])); }
                catch (IOException) { break; }
                answer = await peer.ReceiveAsync(TimeSpan.FromMilliseconds(200)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
            }
            Assert.Equal(AbortReason.InvalidPduParameterValue, Assert.IsType<AbortPdu>(answer).Reason);
        }
        await AssertStillServingAsync(scp);
    }

    [Fact]
    public async Task Stalled_peers_are_cut_by_artim_and_the_idle_timeout()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with { ArtimTimeout = TimeSpan.FromMilliseconds(300), IdleTimeout = TimeSpan.FromMilliseconds(400) });
        await using (var silent = await RawPeer.ConnectAsync(scp.Port))
            Assert.True(await silent.ClosedByServerAsync(TimeSpan.FromSeconds(5)), "ARTIM did not close a connection that never associated");

        await using (var stalled = await RawPeer.ConnectAsync(scp.Port))
        {
            await stalled.AssociateAsync(ScpHarness.AeTitle, PetContext);
            await stalled.SendAsync(new byte[] { 0x04, 0, 0, 0, 0x10, 0 }); // half a PDU, then nothing
            var abort = await stalled.ReceiveAsync(TimeSpan.FromSeconds(5));
            Assert.IsType<AbortPdu>(abort);
        }
        await AssertStillServingAsync(scp);
    }

    [Fact]
    public async Task Twenty_concurrent_associations_of_fifty_instances_each_lose_nothing()
    {
        await using var scp = await ScpHarness.StartAsync();
        var root = TestPaths.NewTempDirectory();
        var dirs = Enumerable.Range(0, 20).Select(i => Path.Combine(root, $"a{i}")).ToArray();
        Parallel.ForEach(dirs, d => SyntheticDicom.WritePetSeries(d, 50, rows: 16, columns: 16));
        var all = await Task.WhenAll(dirs.Select(d => DicomClient.SendAsync(scp.Client(), [d])));
        Assert.All(all.SelectMany(r => r), r => Assert.True(r.Succeeded, r.ToString()));
        var expected = all.SelectMany(r => r).Select(r => r.SopInstanceUid + ".dcm").Order().ToArray();
        Assert.Equal(1000, expected.Length);
        Assert.Equal(expected, scp.StoredFiles().Select(Path.GetFileName).Order().ToArray());
        await AssertStillServingAsync(scp);
    }
}
