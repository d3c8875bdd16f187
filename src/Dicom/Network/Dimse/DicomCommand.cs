namespace VoxDose.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE command set (PS3.7 section 6.3, annex E): the elements of group 0000 this implementation uses.
/// Encoded in Implicit VR Little Endian with its group length by <see cref="DicomCommandCodec"/>.
/// </summary>
public sealed record DicomCommand
{
    /// <summary>Command Data Set Type (0000,0800) meaning "no data set" (PS3.7 E.1-1).</summary>
    public const ushort NoDataSet = 0x0101;

    public ushort CommandField { get; init; }

    public ushort? MessageId { get; init; }

    public ushort? MessageIdBeingRespondedTo { get; init; }

    public string? AffectedSopClassUid { get; init; }

    public string? AffectedSopInstanceUid { get; init; }

    public DimsePriority? Priority { get; init; }

    public bool HasDataSet { get; init; }

    public ushort? Status { get; init; }

    public string? ErrorComment { get; init; }

    public string? MoveOriginatorAeTitle { get; init; }

    public ushort? MoveOriginatorMessageId { get; init; }

    public static DicomCommand EchoRequest(ushort messageId) => new()
    {
        CommandField = Dimse.CommandField.CEchoRequest,
        MessageId = messageId,
        AffectedSopClassUid = DicomUids.Verification,
    };

    public static DicomCommand EchoResponse(DicomCommand request, ushort status) => new()
    {
        CommandField = Dimse.CommandField.CEchoResponse,
        MessageIdBeingRespondedTo = request.MessageId,
        AffectedSopClassUid = EchoableUid(request.AffectedSopClassUid) ?? DicomUids.Verification,
        Status = status,
    };

    public static DicomCommand StoreRequest(ushort messageId, string sopClassUid, string sopInstanceUid,
        DimsePriority priority = DimsePriority.Medium, string? moveOriginatorAeTitle = null, ushort? moveOriginatorMessageId = null) => new()
    {
        CommandField = Dimse.CommandField.CStoreRequest,
        MessageId = messageId,
        AffectedSopClassUid = sopClassUid,
        AffectedSopInstanceUid = sopInstanceUid,
        Priority = priority,
        HasDataSet = true,
        MoveOriginatorAeTitle = moveOriginatorAeTitle,
        MoveOriginatorMessageId = moveOriginatorMessageId,
    };

    public static DicomCommand StoreResponse(DicomCommand request, ushort status, string? errorComment = null) => new()
    {
        CommandField = Dimse.CommandField.CStoreResponse,
        MessageIdBeingRespondedTo = request.MessageId,
        AffectedSopClassUid = EchoableUid(request.AffectedSopClassUid),
        AffectedSopInstanceUid = EchoableUid(request.AffectedSopInstanceUid),
        Status = status,
        ErrorComment = errorComment,
    };

    /// <summary>A failure response for a request this SCP does not perform (0211, PS3.7 C.5.11).</summary>
    public static DicomCommand UnrecognizedResponse(DicomCommand request) => new()
    {
        CommandField = (ushort)(request.CommandField | 0x8000),
        MessageIdBeingRespondedTo = request.MessageId,
        AffectedSopClassUid = EchoableUid(request.AffectedSopClassUid),
        Status = DimseStatus.UnrecognizedOperation,
    };

    /// <summary>
    /// A request's UID as echoed in a response (U(=) there, PS3.7 9.3): left out when it is not made of digits and
    /// dots, so a malformed request is answered with a status instead of failing to encode the answer.
    /// </summary>
    private static string? EchoableUid(string? uid) =>
        uid is { Length: > 0 and <= 64 } && uid.All(c => c is '.' or (>= '0' and <= '9')) ? uid : null;
}
