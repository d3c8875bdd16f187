using System.Net;

namespace VoxDose.Dicom.Network.Server;

/// <summary>One connection's hold on the <see cref="ConnectionLimiter"/>: a connection slot, and an association slot once associated.</summary>
internal sealed class AssociationSlot(ConnectionLimiter limiter, IPAddress peer)
{
    private int _associated;
    private int _released;

    /// <summary>Takes the association slot; false when the server or this peer is at its association cap.</summary>
    public bool TryAssociate()
    {
        if (Volatile.Read(ref _associated) == 1) return true;
        if (!limiter.TryAssociate(peer)) return false;
        Volatile.Write(ref _associated, 1);
        return true;
    }

    /// <summary>Gives back the association slot (the request was rejected after all); the connection slot stays.</summary>
    public void Unassociate()
    {
        if (Volatile.Read(ref _released) == 0 && Interlocked.Exchange(ref _associated, 0) == 1) limiter.Unassociate(peer);
    }

    /// <summary>Gives back both slots (once).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) limiter.Close(peer, Volatile.Read(ref _associated) == 1);
    }
}
