namespace VoxDose.Dicom.Network.Server;

/// <summary>How an association ended.</summary>
public enum AssociationEnd
{
    Released,
    Rejected,
    AbortedByPeer,
    AbortedByUs,
    TimedOut,
    ConnectionClosed,
}
