namespace VoxDose.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ (PS3.8 section 9.3.4).</summary>
public sealed record AssociateRejectPdu(RejectResult Result, RejectSource Source, byte Reason) : Pdu
{
    public override PduType Type => PduType.AssociateReject;

    /// <summary>PS3.8 table 9-21: the called AE title is not recognized (permanent, service-user, reason 7).</summary>
    public static AssociateRejectPdu CalledAeNotRecognized { get; } = new(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CalledAeTitleNotRecognized);

    /// <summary>PS3.8 table 9-21: the calling AE title is not recognized (permanent, service-user, reason 3).</summary>
    public static AssociateRejectPdu CallingAeNotRecognized { get; } = new(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CallingAeTitleNotRecognized);

    public override string ToString() => $"A-ASSOCIATE-RJ result {(byte)Result} ({Result}), source {(byte)Source} ({Source}), reason {Reason}";
}
