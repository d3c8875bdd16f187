namespace VoxDose.Dicom.Network.Dimse;

/// <summary>
/// Encodes and decodes command sets: group 0000 in Implicit VR Little Endian with its Command Group Length
/// (PS3.7 section 6.3.1), through the data layer's reader and writer.
/// </summary>
public static class DicomCommandCodec
{
    /// <summary>Error Comment (0000,0902) is LO: at most 64 characters (PS3.7 table E.1-1, PS3.5 table 6.2-1).</summary>
    private const int MaxErrorCommentLength = 64;

    public static byte[] Encode(DicomCommand command)
    {
        var ds = new DicomDataset();
        if (command.AffectedSopClassUid is { } sopClass) ds.AddOrUpdate(DicomTag.AffectedSOPClassUID, DicomVR.UI, sopClass);
        UShort(ds, DicomTag.CommandField, command.CommandField);
        if (command.MessageId is { } id) UShort(ds, DicomTag.MessageID, id);
        if (command.MessageIdBeingRespondedTo is { } responded) UShort(ds, DicomTag.MessageIDBeingRespondedTo, responded);
        if (command.Priority is { } priority) UShort(ds, DicomTag.Priority, (ushort)priority);
        UShort(ds, DicomTag.CommandDataSetType, command.HasDataSet ? (ushort)0x0000 : DicomCommand.NoDataSet);
        if (command.Status is { } status) UShort(ds, DicomTag.Status, status);
        if (command.ErrorComment is { } comment)
            ds.AddOrUpdate(DicomTag.ErrorComment, DicomVR.LO, comment.Length > MaxErrorCommentLength ? comment[..MaxErrorCommentLength] : comment);
        if (command.AffectedSopInstanceUid is { } instance) ds.AddOrUpdate(DicomTag.AffectedSOPInstanceUID, DicomVR.UI, instance);
        if (command.MoveOriginatorAeTitle is { } ae) ds.AddOrUpdate(DicomTag.MoveOriginatorApplicationEntityTitle, DicomVR.AE, ae);
        if (command.MoveOriginatorMessageId is { } moveId) UShort(ds, DicomTag.MoveOriginatorMessageID, moveId);
        // The writer computes (0000,0000) Command Group Length for group 0000.
        ds.AddOrUpdateValues<uint>(DicomTag.CommandGroupLength, DicomVR.UL, [0u]);
        return DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ImplicitVRLittleEndian);
    }

    /// <summary>Decodes a command set; a malformed one is a protocol error (the association is aborted).</summary>
    public static DicomCommand Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return DecodeUnchecked(DicomDatasetReader.Read(bytes.ToArray(), DicomTransferSyntax.ImplicitVRLittleEndian));
        }
        catch (Exception e) when (e is DicomDataException or EndOfStreamException or InvalidDataException or FormatException
                                      or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            throw new DicomProtocolException($"Malformed command set: {e.Message}", e);
        }
    }

    private static DicomCommand DecodeUnchecked(DicomDataset ds)
    {
        if (ds.Any(e => e.Tag.Group != 0x0000))
            throw new DicomProtocolException("Command set holds elements outside group 0000.", Pdus.AbortReason.InvalidPduParameterValue);
        var field = UShortOrNull(ds, DicomTag.CommandField)
            ?? throw new DicomProtocolException("Command set without Command Field (0000,0100).", Pdus.AbortReason.InvalidPduParameterValue);
        return new DicomCommand
        {
            CommandField = field,
            MessageId = UShortOrNull(ds, DicomTag.MessageID),
            MessageIdBeingRespondedTo = UShortOrNull(ds, DicomTag.MessageIDBeingRespondedTo),
            AffectedSopClassUid = Trimmed(ds, DicomTag.AffectedSOPClassUID),
            AffectedSopInstanceUid = Trimmed(ds, DicomTag.AffectedSOPInstanceUID),
            Priority = UShortOrNull(ds, DicomTag.Priority) is { } p ? (DimsePriority)p : null,
            HasDataSet = (UShortOrNull(ds, DicomTag.CommandDataSetType) ?? DicomCommand.NoDataSet) != DicomCommand.NoDataSet,
            Status = UShortOrNull(ds, DicomTag.Status),
            ErrorComment = Trimmed(ds, DicomTag.ErrorComment),
            MoveOriginatorAeTitle = Trimmed(ds, DicomTag.MoveOriginatorApplicationEntityTitle),
            MoveOriginatorMessageId = UShortOrNull(ds, DicomTag.MoveOriginatorMessageID),
        };
    }

    private static void UShort(DicomDataset ds, DicomTag tag, ushort value) => ds.AddOrUpdateValues<ushort>(tag, DicomVR.US, [value]);

    private static ushort? UShortOrNull(DicomDataset ds, DicomTag tag)
    {
        if (!ds.Contains(tag)) return null;
        var values = ds.GetValues<ushort>(tag);
        return values.Length > 0 ? values[0] : null;
    }

    private static string? Trimmed(DicomDataset ds, DicomTag tag) =>
        ds.GetString(tag)?.Trim(' ', '\0') is { Length: > 0 } s ? s : null;
}
