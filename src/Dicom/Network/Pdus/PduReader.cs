using System.Buffers.Binary;

namespace VoxDose.Dicom.Network.Pdus;

/// <summary>
/// Reads PDUs from a stream, enforcing <see cref="PduLimits"/> before allocating. The buffer is reused: the PDV data
/// of a <see cref="DataTransferPdu"/> is valid until the next call to <see cref="ReadAsync"/>.
/// </summary>
public sealed class PduReader(Stream stream, PduLimits limits)
{
    private readonly byte[] _header = new byte[6];
    private byte[] _body = new byte[16 * 1024];

    public PduLimits Limits { get; set; } = limits;

    /// <summary>The next PDU, or null when the peer closed the connection cleanly between PDUs.</summary>
    public async ValueTask<Pdu?> ReadAsync(CancellationToken cancellationToken)
    {
        var got = await stream.ReadAtLeastAsync(_header, _header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got == 0) return null;
        if (got < _header.Length) throw new DicomProtocolException($"Connection closed inside a PDU header ({got} of 6 bytes).", AbortReason.NotSpecified);

        var type = _header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(2));
        if (type is < 1 or > 7) throw new DicomProtocolException($"Unknown PDU type 0x{type:X2}.", AbortReason.UnrecognizedPdu);
        var pduType = (PduType)type;
        var limit = pduType switch
        {
            PduType.DataTransfer => Limits.MaxDataPduLength,
            PduType.AssociateRequest or PduType.AssociateAccept => Limits.MaxAssociatePduLength,
            _ => 4u,
        };
        if (length > limit)
            throw new DicomProtocolException($"{pduType} PDU length {length} exceeds the limit of {limit} bytes.", AbortReason.InvalidPduParameterValue);

        if (_body.Length < length) _body = new byte[Math.Max(length, Math.Min(limit, (uint)_body.Length * 2))];
        try
        {
            await stream.ReadExactlyAsync(_body.AsMemory(0, (int)length), cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new DicomProtocolException($"Connection closed inside a {pduType} PDU of {length} bytes.", e);
        }

        var body = _body.AsMemory(0, (int)length);
        return pduType switch
        {
            PduType.AssociateRequest => AssociatePduDecoder.DecodeRequest(body.Span),
            PduType.AssociateAccept => AssociatePduDecoder.DecodeAccept(body.Span),
            PduType.AssociateReject => DecodeReject(body.Span),
            PduType.DataTransfer => DecodeData(body),
            PduType.ReleaseRequest => Fixed(length, ReleaseRequestPdu.Instance),
            PduType.ReleaseResponse => Fixed(length, ReleaseResponsePdu.Instance),
            _ => DecodeAbort(body.Span),
        };
    }

    private static Pdu Fixed(uint length, Pdu pdu) =>
        length == 4 ? pdu : throw new DicomProtocolException($"{pdu.Type} PDU must have length 4, not {length}.", AbortReason.InvalidPduParameterValue);

    private static AssociateRejectPdu DecodeReject(ReadOnlySpan<byte> body)
    {
        if (body.Length != 4) throw new DicomProtocolException("A-ASSOCIATE-RJ must have length 4.", AbortReason.InvalidPduParameterValue);
        return new AssociateRejectPdu((RejectResult)body[1], (RejectSource)body[2], body[3]);
    }

    private static AbortPdu DecodeAbort(ReadOnlySpan<byte> body)
    {
        if (body.Length != 4) throw new DicomProtocolException("A-ABORT must have length 4.", AbortReason.InvalidPduParameterValue);
        return new AbortPdu((AbortSource)body[2], (AbortReason)body[3]);
    }

    private static DataTransferPdu DecodeData(ReadOnlyMemory<byte> body)
    {
        var values = new List<PresentationDataValue>(1);
        var span = body.Span;
        var offset = 0;
        while (offset < span.Length)
        {
            if (span.Length - offset < PresentationDataValue.HeaderLength)
                throw new DicomProtocolException("Truncated PDV item header in P-DATA-TF.", AbortReason.InvalidPduParameterValue);
            var itemLength = BinaryPrimitives.ReadUInt32BigEndian(span[offset..]);
            if (itemLength < 2 || itemLength > span.Length - offset - 4)
                throw new DicomProtocolException($"PDV item length {itemLength} does not fit in its P-DATA-TF PDU.", AbortReason.InvalidPduParameterValue);
            var contextId = span[offset + 4];
            var control = span[offset + 5];
            values.Add(new PresentationDataValue(contextId, (control & PresentationDataValue.CommandBit) != 0,
                (control & PresentationDataValue.LastFragmentBit) != 0, body.Slice(offset + 6, (int)itemLength - 2)));
            offset += 4 + (int)itemLength;
        }
        if (values.Count == 0) throw new DicomProtocolException("P-DATA-TF without any PDV item.", AbortReason.InvalidPduParameterValue);
        return new DataTransferPdu(values);
    }
}
