using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Network;

/// <summary>A failure of a DICOM association: the peer rejected, aborted, timed out or closed the connection.</summary>
public class DicomNetworkException : Exception
{
    public DicomNetworkException() { }

    public DicomNetworkException(string message) : base(message) { }

    public DicomNetworkException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The peer broke PS3.8: the association is aborted with <see cref="Reason"/>.</summary>
public sealed class DicomProtocolException : DicomNetworkException
{
    public DicomProtocolException() { }

    public DicomProtocolException(string message) : base(message) { }

    public DicomProtocolException(string message, Exception inner) : base(message, inner) { }

    public DicomProtocolException(string message, AbortReason reason) : base(message) => Reason = reason;

    public AbortReason Reason { get; } = AbortReason.NotSpecified;
}

/// <summary>The peer rejected the association (A-ASSOCIATE-RJ).</summary>
public sealed class DicomAssociationRejectedException : DicomNetworkException
{
    public DicomAssociationRejectedException() { }

    public DicomAssociationRejectedException(string message) : base(message) { }

    public DicomAssociationRejectedException(string message, Exception inner) : base(message, inner) { }

    public DicomAssociationRejectedException(AssociateRejectPdu reject) : base($"Association rejected: {reject}") => Reject = reject;

    public AssociateRejectPdu? Reject { get; }
}

/// <summary>The peer aborted the association (A-ABORT) or closed the connection.</summary>
public sealed class DicomAssociationAbortedException : DicomNetworkException
{
    public DicomAssociationAbortedException() { }

    public DicomAssociationAbortedException(string message) : base(message) { }

    public DicomAssociationAbortedException(string message, Exception inner) : base(message, inner) { }
}
