using System.Buffers.Binary;

namespace VoxDose.Dicom.Network.Pdus;

/// <summary>
/// Writes PDUs to a stream. A whole DIMSE message (command and data set) is written under one lock, so messages are
/// never interleaved (PS3.8 section 9.3.5.1). Data is fragmented so that no P-DATA-TF exceeds the peer's maximum
/// PDU length (<see cref="PeerMaxPduLength"/>, 0 = unlimited).
/// </summary>
public sealed class PduWriter(Stream stream) : IDisposable
{
    /// <summary>PDV data per PDU when the peer announced no limit (0).</summary>
    public const int UnlimitedChunk = 1 << 20;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private byte[] _buffer = [];

    /// <summary>The maximum length of P-DATA-TF PDUs the peer receives, from its A-ASSOCIATE user information.</summary>
    public uint PeerMaxPduLength { get; set; }

    /// <summary>Largest PDV data fragment given the peer's maximum (one PDV per PDU).</summary>
    public int MaxFragmentLength =>
        PeerMaxPduLength == 0 || PeerMaxPduLength > UnlimitedChunk + PresentationDataValue.HeaderLength
            ? UnlimitedChunk
            : Math.Max(1, (int)PeerMaxPduLength - PresentationDataValue.HeaderLength);

    public async Task WriteAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        var bytes = PduEncoder.Encode(pdu);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Writes one DIMSE message: its command set, then its data set (if any) read to the end of <paramref name="dataset"/>.</summary>
    public async Task WriteMessageAsync(byte contextId, ReadOnlyMemory<byte> command, Stream? dataset, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var max = MaxFragmentLength;
            EnsureBuffer(Math.Min(max, Math.Max(command.Length, dataset is null ? 0 : max)));
            for (var offset = 0; offset < command.Length || offset == 0; offset += max)
            {
                var length = Math.Min(max, command.Length - offset);
                var last = offset + length >= command.Length;
                command.Span.Slice(offset, length).CopyTo(_buffer.AsSpan(12));
                await WriteFragmentAsync(contextId, PresentationDataValue.CommandBit | (last ? PresentationDataValue.LastFragmentBit : 0), length, cancellationToken).ConfigureAwait(false);
                if (last) break;
            }
            if (dataset is not null) await WriteDatasetAsync(contextId, dataset, max, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task WriteDatasetAsync(byte contextId, Stream dataset, int max, CancellationToken cancellationToken)
    {
        int? carry = null;
        while (true)
        {
            var filled = 0;
            if (carry is { } c) { _buffer[12] = (byte)c; filled = 1; carry = null; }
            filled += await dataset.ReadAtLeastAsync(_buffer.AsMemory(12 + filled, max - filled), max - filled, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            bool last;
            if (filled < max) last = true;
            else if (dataset.CanSeek) last = dataset.Position >= dataset.Length;
            else
            {
                var next = dataset.ReadByte();
                last = next < 0;
                if (!last) carry = next;
            }
            await WriteFragmentAsync(contextId, last ? PresentationDataValue.LastFragmentBit : (byte)0, filled, cancellationToken).ConfigureAwait(false);
            if (last) return;
        }
    }

    /// <summary>Writes the PDU whose PDV data already sits at offset 12 of the buffer.</summary>
    private ValueTask WriteFragmentAsync(byte contextId, int control, int length, CancellationToken cancellationToken)
    {
        var span = _buffer.AsSpan();
        span[0] = (byte)PduType.DataTransfer;
        span[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)(length + PresentationDataValue.HeaderLength));
        BinaryPrimitives.WriteUInt32BigEndian(span[6..], (uint)(length + 2));
        span[10] = contextId;
        span[11] = (byte)control;
        return stream.WriteAsync(_buffer.AsMemory(0, 12 + length), cancellationToken);
    }

    private void EnsureBuffer(int dataLength)
    {
        if (_buffer.Length < dataLength + 12) _buffer = new byte[dataLength + 12];
    }

    public void Dispose() => _lock.Dispose();
}
