namespace VoxDose.Dicom.Network.Pdus;

/// <summary>
/// One presentation data value item of a P-DATA-TF PDU (PS3.8 section 9.3.5.1, annex E.2). <see cref="Data"/> refers
/// to the reader's buffer and is valid only until the next PDU is read.
/// </summary>
public readonly record struct PresentationDataValue(byte ContextId, bool IsCommand, bool IsLastFragment, ReadOnlyMemory<byte> Data)
{
    /// <summary>Message control header bit 0: command (1) or data set (0) fragment (PS3.8 E.2).</summary>
    public const byte CommandBit = 0x01;

    /// <summary>Message control header bit 1: last fragment (1) or not (0).</summary>
    public const byte LastFragmentBit = 0x02;

    /// <summary>Bytes of a PDV item before its data: item length (4), context ID (1), message control header (1).</summary>
    public const int HeaderLength = 6;
}

/// <summary>P-DATA-TF (PS3.8 section 9.3.5) as read: its PDVs in order.</summary>
public sealed record DataTransferPdu(IReadOnlyList<PresentationDataValue> Values) : Pdu
{
    public override PduType Type => PduType.DataTransfer;
}
