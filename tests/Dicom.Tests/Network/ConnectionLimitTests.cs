using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>Issue 11, "Sixteen idle sockets": associations are counted once associated; connections and peers have their own caps.</summary>
[Collection("NetworkLoad")]
public class ConnectionLimitTests
{
    private static readonly PresentationContextProposal Echo = new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]);

    [Fact]
    public async Task Sixteen_idle_sockets_do_not_take_the_association_slots_regression()
    {
        // The bug: the accept loop counted every socket against MaxAssociations before any A-ASSOCIATE-RQ, so 16 silent
        // connections made the node reject every association (transient, local limit exceeded) until ARTIM fired.
        await using var scp = await ScpHarness.StartAsync(o => o with { MaxAssociations = 2, ArtimTimeout = TimeSpan.FromSeconds(30) });
        var idle = new List<RawPeer>();
        try
        {
            for (var i = 0; i < 16; i++) idle.Add(await RawPeer.ConnectAsync(scp.Port));
            for (var i = 0; i < 50 && scp.Server.OpenConnections < 16; i++) await Task.Delay(20);
            Assert.Equal(16, scp.Server.OpenConnections);

            Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(scp.Client()));
            await using var first = await DicomAssociation.OpenAsync(scp.Client(), [Echo]);
            await using var second = await DicomAssociation.OpenAsync(scp.Client(), [Echo]);
            var e = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => DicomClient.EchoAsync(scp.Client()));
            Assert.Equal((RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.LocalLimitExceeded), (e.Reject!.Result, e.Reject.Source, e.Reject.Reason));
        }
        finally
        {
            foreach (var peer in idle) await peer.DisposeAsync();
        }
    }

    [Fact]
    public async Task One_peer_cannot_take_every_connection_or_association_slot()
    {
        await using var scp = await ScpHarness.StartAsync(o => o with { MaxConnectionsPerPeer = 3, MaxAssociationsPerPeer = 1 });
        await using var a1 = await RawPeer.ConnectAsync(scp.Port);
        await a1.AssociateAsync(ScpHarness.AeTitle, Echo);
        // A second association from the same address: rejected transiently; from another address: accepted.
        await using (var a2 = await RawPeer.ConnectAsync(scp.Port))
        {
            var reject = Assert.IsType<AssociateRejectPdu>(await a2.RequestAssociationAsync(ScpHarness.AeTitle, Echo));
            Assert.Equal((RejectResult.Transient, RejectReason.LocalLimitExceeded), (reject.Result, reject.Reason));
        }
        await using var b1 = await RawPeer.ConnectAsync(scp.Port, from: "127.0.0.2");
        await b1.AssociateAsync(ScpHarness.AeTitle, Echo);

        // Connections: the same address holds 3 at most (a1 plus two idle); the fourth is closed at once, unread.
        for (var i = 0; i < 50 && scp.Server.OpenConnections > 2; i++) await Task.Delay(20);
        await using var idle1 = await RawPeer.ConnectAsync(scp.Port);
        await using var idle2 = await RawPeer.ConnectAsync(scp.Port);
        await using var over = await RawPeer.ConnectAsync(scp.Port);
        Assert.True(await over.ClosedByServerAsync(TimeSpan.FromSeconds(5)), "a peer over its connection cap was kept");
        Assert.False(await idle1.ClosedByServerAsync(TimeSpan.FromMilliseconds(300)), "a connection under the cap was closed");
        await using var b2 = await RawPeer.ConnectAsync(scp.Port, from: "127.0.0.2");
        Assert.False(await b2.ClosedByServerAsync(TimeSpan.FromMilliseconds(300)), "another peer was refused");
        Assert.Empty(scp.Log.Errors);
    }
}
