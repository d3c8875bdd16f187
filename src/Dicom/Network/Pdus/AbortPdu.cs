namespace VoxDose.Dicom.Network.Pdus;

/// <summary>A-ABORT (PS3.8 section 9.3.8).</summary>
public sealed record AbortPdu(AbortSource Source, AbortReason Reason) : Pdu
{
    public override PduType Type => PduType.Abort;
}
