using System.Net;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// Counts what a DICOM server holds, so no one peer and no idle socket can take every slot:
/// open TCP connections (associated or not, <see cref="DicomServerOptions.MaxConnections"/>, per peer address
/// <see cref="DicomServerOptions.MaxConnectionsPerPeer"/>) and associations (counted only once an A-ASSOCIATE-RQ was
/// accepted, <see cref="DicomServerOptions.MaxAssociations"/> and <see cref="DicomServerOptions.MaxAssociationsPerPeer"/>).
/// A socket that never associates holds only a connection slot, and ARTIM closes it.
/// </summary>
internal sealed class ConnectionLimiter(int maxConnections, int maxConnectionsPerPeer, int maxAssociations, int maxAssociationsPerPeer)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, (int Connections, int Associations)> _peers = [];
    private int _connections;
    private int _associations;

    public int Connections { get { lock (_lock) return _connections; } }

    public int Associations { get { lock (_lock) return _associations; } }

    /// <summary>Takes a connection slot for <paramref name="peer"/>; false when the server or that peer is at its cap.</summary>
    public bool TryOpenConnection(IPAddress peer)
    {
        lock (_lock)
        {
            var counts = _peers.GetValueOrDefault(peer);
            if (_connections >= maxConnections || counts.Connections >= maxConnectionsPerPeer) return false;
            _connections++;
            _peers[peer] = (counts.Connections + 1, counts.Associations);
            return true;
        }
    }

    /// <summary>Takes an association slot for an open connection of <paramref name="peer"/>; false at the cap.</summary>
    public bool TryAssociate(IPAddress peer)
    {
        lock (_lock)
        {
            var counts = _peers.GetValueOrDefault(peer);
            if (_associations >= maxAssociations || counts.Associations >= maxAssociationsPerPeer) return false;
            _associations++;
            _peers[peer] = (counts.Connections, counts.Associations + 1);
            return true;
        }
    }

    /// <summary>Gives back an association slot whose request was rejected after all.</summary>
    public void Unassociate(IPAddress peer)
    {
        lock (_lock)
        {
            var counts = _peers.GetValueOrDefault(peer);
            _associations--;
            _peers[peer] = (counts.Connections, counts.Associations - 1);
        }
    }

    /// <summary>Gives back the slots of a closed connection (and its association, if it had one).</summary>
    public void Close(IPAddress peer, bool associated)
    {
        lock (_lock)
        {
            var counts = _peers.GetValueOrDefault(peer);
            _connections--;
            if (associated) _associations--;
            counts = (counts.Connections - 1, counts.Associations - (associated ? 1 : 0));
            if (counts.Connections <= 0) _peers.Remove(peer);
            else _peers[peer] = counts;
        }
    }

    /// <summary>The peer's address without port; IPv4 seen on a dual-mode socket is one peer with its IPv4 form.</summary>
    public static IPAddress PeerOf(EndPoint? endPoint) => endPoint is IPEndPoint ip
        ? (ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address)
        : IPAddress.None;
}
