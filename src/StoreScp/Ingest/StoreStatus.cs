namespace VoxDose.StoreScp.Ingest;

/// <summary>Every C-STORE response status the node returns, in one place (PS3.4 Annex B.2.3, PS3.7 Annex C).</summary>
public static class StoreStatus
{
    /// <summary>0000 Success: returned only once the instance is fsynced in the spool and recorded in the audit database.</summary>
    public const ushort Success = 0x0000;

    /// <summary>A700 Refused: Out of Resources (PS3.4 B.2.3): free disk below Storage:MinFreeMegabytes.</summary>
    public const ushort OutOfResources = 0xA700;

    /// <summary>A900 Error: Data Set does not match SOP Class (PS3.4 B.2.3): a required UID is missing.</summary>
    public const ushort DataSetDoesNotMatchSopClass = 0xA900;

    /// <summary>C000 Error: Cannot understand (PS3.4 B.2.3): a UID is not a valid UID (PS3.5 §9.1).</summary>
    public const ushort CannotUnderstand = 0xC000;

    /// <summary>0110 Processing failure (PS3.7 C.4.2): an unexpected error while storing; the sender may retry.</summary>
    public const ushort ProcessingFailure = 0x0110;
}
