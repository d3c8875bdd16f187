using System.Net.Sockets;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>A hand-driven TCP peer for robustness tests: sends arbitrary bytes, reads PDUs or the close.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly TcpClient _client;
    private NetworkStream? _stream;
    private PduReader? _reader;

    private RawPeer(TcpClient client) => _client = client;

    /// <param name="port">The server's port on 127.0.0.1.</param>
    /// <param name="from">The local address to connect from (another 127.x.y.z address is another peer to the server).</param>
    public static async Task<RawPeer> ConnectAsync(int port, string? from = null)
    {
        var peer = new RawPeer(from is null ? new TcpClient() : new TcpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(from), 0)));
        await peer._client.ConnectAsync("127.0.0.1", port);
        peer._stream = peer._client.GetStream();
        peer._reader = new PduReader(peer._stream, new PduLimits { MaxDataPduLength = 1 << 24 });
        return peer;
    }

    public Task SendAsync(byte[] bytes) => _stream!.WriteAsync(bytes).AsTask();

    public Task SendAsync(Pdu pdu) => SendAsync(PduEncoder.Encode(pdu));

    /// <summary>The next PDU from the server, or null if it closed; fails the test if nothing comes within the bound.</summary>
    public async Task<Pdu?> ReceiveAsync(TimeSpan? within = null)
    {
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(5));
        try
        {
            return await _reader!.ReadAsync(cts.Token);
        }
        catch (IOException)
        {
            return null; // reset by the server
        }
    }

    /// <summary>True once the server closed the connection (reads return 0 or fail).</summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                if (await _stream!.ReadAsync(buffer, cts.Token) == 0) return true;
            }
        }
        catch (IOException) { return true; }
        catch (OperationCanceledException) { return false; }
    }

    public async Task<AssociateAcceptPdu> AssociateAsync(string calledAe, params PresentationContextProposal[] contexts) =>
        Assert.IsType<AssociateAcceptPdu>(await RequestAssociationAsync(calledAe, contexts));

    /// <summary>Sends an A-ASSOCIATE-RQ and returns the answer (AC, RJ, abort) or null if the server closed.</summary>
    public async Task<Pdu?> RequestAssociationAsync(string calledAe, params PresentationContextProposal[] contexts)
    {
        await SendAsync(new AssociateRequestPdu
        {
            CalledAeTitle = calledAe,
            CallingAeTitle = "RAWPEER",
            PresentationContexts = contexts,
            UserInformation = new UserInformation { MaxPduLength = 16384 },
        });
        return await ReceiveAsync();
    }

    public static byte[] DataPdu(byte contextId, bool command, bool last, byte[] data)
    {
        var pdu = new byte[12 + data.Length];
        pdu[0] = 0x04;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)(6 + data.Length));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(6), (uint)(2 + data.Length));
        pdu[10] = contextId;
        pdu[11] = (byte)((command ? 1 : 0) | (last ? 2 : 0));
        data.CopyTo(pdu, 12);
        return pdu;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
        _client.Dispose();
    }
}
