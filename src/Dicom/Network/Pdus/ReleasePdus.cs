namespace VoxDose.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ (PS3.8 section 9.3.6): four reserved bytes.</summary>
public sealed record ReleaseRequestPdu : Pdu
{
    public static readonly ReleaseRequestPdu Instance = new();
    public override PduType Type => PduType.ReleaseRequest;
}

/// <summary>A-RELEASE-RP (PS3.8 section 9.3.7): four reserved bytes.</summary>
public sealed record ReleaseResponsePdu : Pdu
{
    public static readonly ReleaseResponsePdu Instance = new();
    public override PduType Type => PduType.ReleaseResponse;
}
