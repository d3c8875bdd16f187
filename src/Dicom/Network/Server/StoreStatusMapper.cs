using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Network.Server;

/// <summary>Why a C-STORE was not (or was) stored: every store decision of the server, its handlers and the node names one.</summary>
public enum StoreOutcome
{
    /// <summary>Durably stored (or a byte-identical duplicate of a stored instance).</summary>
    Stored,

    /// <summary>No room: the disk is at its free-space watermark, or a write failed for lack of space.</summary>
    OutOfResources,

    /// <summary>The data set ends early (inside an element, item or sequence) or does not parse to its end.</summary>
    DataSetIncomplete,

    /// <summary>The data set cannot be parsed at all.</summary>
    DataSetUnreadable,

    /// <summary>(0008,0016)/(0008,0018) of the data set differ from the command, or an attribute the store needs is missing.</summary>
    DataSetDoesNotMatchSopClass,

    /// <summary>A UID of the command or the data set is not a valid UID (PS3.5 9.1), or the command itself is malformed.</summary>
    CannotUnderstand,

    /// <summary>The command's Affected SOP Class UID is not the presentation context's abstract syntax.</summary>
    SopClassNotSupported,

    /// <summary>An unexpected failure while storing (I/O, database); the sender may retry.</summary>
    ProcessingFailure,
}

/// <summary>
/// The one place a C-STORE outcome becomes a DIMSE status (dicom-server's FailureReasonCodes as the model). The codes
/// are those of PS3.4 B.2.3 table B.2-1 (A7xx, A9xx, Cxxx) and PS3.7 annex C (0110, 0122).
/// </summary>
public static class StoreStatusMapper
{
    public static ushort StatusOf(StoreOutcome outcome) => outcome switch
    {
        StoreOutcome.Stored => DimseStatus.Success, // PS3.7 C.1.1
        StoreOutcome.OutOfResources => DimseStatus.OutOfResources, // PS3.4 table B.2-1: A7xx Refused: Out of Resources
        StoreOutcome.DataSetIncomplete => DimseStatus.DataSetDoesNotMatchSopClass, // A9xx: the data set is not the object the SOP class needs
        StoreOutcome.DataSetDoesNotMatchSopClass => DimseStatus.DataSetDoesNotMatchSopClass, // PS3.4 table B.2-1: A9xx
        StoreOutcome.DataSetUnreadable => DimseStatus.CannotUnderstand, // PS3.4 table B.2-1: Cxxx Error: Cannot understand
        StoreOutcome.CannotUnderstand => DimseStatus.CannotUnderstand, // PS3.4 table B.2-1: Cxxx
        StoreOutcome.SopClassNotSupported => DimseStatus.SopClassNotSupported, // PS3.7 C.5.10: 0122
        StoreOutcome.ProcessingFailure => DimseStatus.ProcessingFailure, // PS3.7 C.5.11: 0110
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The response for an outcome; <paramref name="comment"/> becomes the Error Comment (0000,0902), at most 64 characters.</summary>
    public static StoreResponse Response(StoreOutcome outcome, string? comment = null) =>
        outcome == StoreOutcome.Stored ? StoreResponse.Success : new StoreResponse(StatusOf(outcome), Truncate(comment));

    /// <summary>The outcome a status stands for (the inverse, for handlers that pass a status through).</summary>
    public static StoreOutcome OutcomeOf(ushort status) => status switch
    {
        _ when DimseStatus.IsStored(status) => StoreOutcome.Stored,
        _ when (status & 0xFF00) == 0xA700 => StoreOutcome.OutOfResources,
        _ when (status & 0xFF00) == 0xA900 => StoreOutcome.DataSetDoesNotMatchSopClass,
        _ when (status & 0xF000) == 0xC000 => StoreOutcome.CannotUnderstand,
        DimseStatus.SopClassNotSupported => StoreOutcome.SopClassNotSupported,
        _ => StoreOutcome.ProcessingFailure,
    };

    // Error Comment is LO: 64 characters (PS3.7 C.4, PS3.5 table 6.2-1).
    private static string? Truncate(string? comment) => comment is { Length: > 64 } ? comment[..61] + "..." : comment;
}
