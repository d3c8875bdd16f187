namespace VoxDose.Dicom.Network.Pdus;

/// <summary>Reason/Diag. values of A-ASSOCIATE-RJ (PS3.8 table 9-21); their meaning depends on the source.</summary>
public static class RejectReason
{
    // Source 1, DICOM UL service-user
    public const byte NoReasonGiven = 1;
    public const byte ApplicationContextNameNotSupported = 2;
    public const byte CallingAeTitleNotRecognized = 3;
    public const byte CalledAeTitleNotRecognized = 7;

    // Source 2, DICOM UL service-provider (ACSE related function)
    public const byte ProtocolVersionNotSupported = 2;

    // Source 3, DICOM UL service-provider (Presentation related function)
    public const byte TemporaryCongestion = 1;
    public const byte LocalLimitExceeded = 2;
}
