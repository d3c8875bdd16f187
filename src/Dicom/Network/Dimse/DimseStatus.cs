namespace VoxDose.Dicom.Network.Dimse;

/// <summary>
/// DIMSE status codes, all in one place. General codes from PS3.7 annex C; C-STORE specific codes from PS3.4
/// section B.2.3 (table B.2-1); C-ECHO from PS3.7 section 9.1.5.1.4.
/// </summary>
public static class DimseStatus
{
    // Success (PS3.7 C.1)
    public const ushort Success = 0x0000;

    // Pending and cancel (PS3.7 C.2, C.3)
    public const ushort Pending = 0xFF00;
    public const ushort PendingWithWarnings = 0xFF01;
    public const ushort Cancel = 0xFE00;

    // Warnings (PS3.4 table B.2-1 for C-STORE; PS3.7 C.4)
    /// <summary>B000: coercion of data elements (C-STORE warning).</summary>
    public const ushort CoercionOfDataElements = 0xB000;
    /// <summary>B006: elements discarded (C-STORE warning).</summary>
    public const ushort ElementsDiscarded = 0xB006;
    /// <summary>B007: data set does not match SOP class (C-STORE warning).</summary>
    public const ushort DataSetDoesNotMatchSopClassWarning = 0xB007;
    /// <summary>0107: attribute list error (PS3.7 C.4.2).</summary>
    public const ushort AttributeListError = 0x0107;

    // Failures specific to C-STORE (PS3.4 table B.2-1)
    /// <summary>A700: refused, out of resources (A7xx).</summary>
    public const ushort OutOfResources = 0xA700;
    /// <summary>A900: error, data set does not match SOP class (A9xx).</summary>
    public const ushort DataSetDoesNotMatchSopClass = 0xA900;
    /// <summary>C000: error, cannot understand (Cxxx).</summary>
    public const ushort CannotUnderstand = 0xC000;

    // General failures (PS3.7 C.5)
    public const ushort ProcessingFailure = 0x0110;
    public const ushort DuplicateSopInstance = 0x0111;
    public const ushort NoSuchSopInstance = 0x0112;
    public const ushort InvalidArgumentValue = 0x0115;
    public const ushort InvalidObjectInstance = 0x0117;
    public const ushort SopClassNotSupported = 0x0122;
    public const ushort ClassInstanceConflict = 0x0119;
    public const ushort MissingAttribute = 0x0120;
    public const ushort NotAuthorized = 0x0124;
    public const ushort DuplicateInvocation = 0x0210;
    public const ushort UnrecognizedOperation = 0x0211;
    public const ushort MistypedArgument = 0x0212;
    public const ushort ResourceLimitation = 0x0213;

    public static bool IsSuccess(ushort status) => status == Success;

    public static bool IsPending(ushort status) => status is Pending or PendingWithWarnings;

    /// <summary>Warning statuses: 0001, Bxxx and 0107/0116 (PS3.7 C.4).</summary>
    public static bool IsWarning(ushort status) => status is 0x0001 or AttributeListError or 0x0116 || (status & 0xF000) == 0xB000;

    /// <summary>An instance is stored when the status is success or a warning (PS3.4 B.2.3).</summary>
    public static bool IsStored(ushort status) => IsSuccess(status) || IsWarning(status);

    public static string Describe(ushort status) => status switch
    {
        Success => "Success",
        Pending or PendingWithWarnings => "Pending",
        Cancel => "Cancel",
        CoercionOfDataElements => "Warning: coercion of data elements",
        ElementsDiscarded => "Warning: elements discarded",
        DataSetDoesNotMatchSopClassWarning => "Warning: data set does not match SOP class",
        ProcessingFailure => "Failure: processing failure",
        DuplicateSopInstance => "Failure: duplicate SOP instance",
        SopClassNotSupported => "Failure: SOP class not supported",
        NotAuthorized => "Failure: not authorized",
        UnrecognizedOperation => "Failure: unrecognized operation",
        ResourceLimitation => "Failure: resource limitation",
        _ when (status & 0xFF00) == 0xA700 => "Refused: out of resources",
        _ when (status & 0xFF00) == 0xA900 => "Error: data set does not match SOP class",
        _ when (status & 0xF000) == 0xC000 => "Error: cannot understand",
        _ when IsWarning(status) => "Warning",
        _ => "Failure",
    } + $" (0x{status:X4})";
}
