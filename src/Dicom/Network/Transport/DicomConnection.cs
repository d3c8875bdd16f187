using System.Net;
using System.Net.Sockets;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Network.Transport;

/// <summary>
/// One transport connection carrying an association: PDU reads and writes, each bounded by a timeout, and an
/// A-ABORT that never blocks for long.
/// </summary>
public sealed class DicomConnection : IAsyncDisposable
{
    private static readonly TimeSpan AbortWriteTimeout = TimeSpan.FromSeconds(2);

    private readonly Socket? _socket;
    private readonly Stream _stream;
    private readonly TimeProvider _time;
    private int _closed;

    public DicomConnection(Socket? socket, Stream stream, PduLimits limits, TimeProvider time)
    {
        _socket = socket;
        _stream = stream;
        _time = time;
        Reader = new PduReader(stream, limits);
        Writer = new PduWriter(stream);
        RemoteEndPoint = socket?.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
    }

    public IPEndPoint RemoteEndPoint { get; }

    public PduReader Reader { get; }

    public PduWriter Writer { get; }

    public TimeProvider Time => _time;

    public Task<Pdu?> ReadAsync(TimeSpan timeout, string what, CancellationToken cancellationToken) =>
        Deadline.RunAsync(Reader.ReadAsync, timeout, _time, what, cancellationToken);

    public Task WriteAsync(Pdu pdu, TimeSpan timeout, CancellationToken cancellationToken) =>
        Deadline.RunAsync(ct => new ValueTask(Writer.WriteAsync(pdu, ct)), timeout, _time, $"Sending {pdu.Type}", cancellationToken);

    public Task WriteMessageAsync(byte contextId, ReadOnlyMemory<byte> command, Stream? dataSet, TimeSpan timeout, CancellationToken cancellationToken) =>
        Deadline.RunAsync(ct => new ValueTask(Writer.WriteMessageAsync(contextId, command, dataSet, ct)), timeout, _time, "Sending a DIMSE message", cancellationToken);

    /// <summary>Sends A-ABORT (best effort, bounded) and closes the connection.</summary>
    public async Task AbortAsync(AbortSource source, AbortReason reason)
    {
        if (Volatile.Read(ref _closed) != 0) return;
        try
        {
            await WriteAsync(new AbortPdu(source, reason), AbortWriteTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // The peer is gone or stalled; closing is all that is left.
        }
        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Waits (bounded) for the peer to close the connection, as PS3.8 asks after A-ASSOCIATE-RJ and A-RELEASE-RP.</summary>
    public async Task WaitForPeerCloseAsync(TimeSpan timeout)
    {
        try
        {
            while (await ReadAsync(timeout, "Waiting for the peer to close", CancellationToken.None).ConfigureAwait(false) is not null) { }
        }
        catch (Exception e) when (e is IOException or TimeoutException or ObjectDisposedException or SocketException or DicomProtocolException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        try { _socket?.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket?.Dispose();
        Writer.Dispose();
    }
}
