using System.Net;
using Microsoft.Extensions.Logging;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// What a <see cref="DicomServer"/> does with callers it turns away before they are associated: the per-peer rate of
/// association requests, an exact count of every rejection and refusal (metrics), and log lines sampled once per peer
/// and reason per <see cref="DicomServerOptions.RejectionLogInterval"/>, so unauthenticated traffic cannot grow the log.
/// </summary>
internal sealed class RejectionGuard(DicomServerOptions options, ILogger logger, TimeProvider time)
{
    /// <summary>PS3.8 table 9-21: rejected-transient, service-provider (presentation), temporary congestion.</summary>
    public static readonly AssociateRejectPdu TooManyRequests = new(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.TemporaryCongestion);

    private readonly PeerRateLimiter _rate = new(options.MaxAssociationRequestsPerPeerPerMinute, time);
    private readonly LogSampler _log = new(options.RejectionLogInterval, time);

    /// <summary>Null while the peer is within its rate of association requests; otherwise the transient reject.</summary>
    public AssociateRejectPdu? CheckRate(IPAddress peer) => _rate.TryTake(peer) ? null : TooManyRequests;

    public void Rejected(AssociationInfo info, AssociateRejectPdu reject)
    {
        ServerMeter.Rejected(reject);
        if (_log.ShouldLog($"{ConnectionLimiter.PeerOf(info.RemoteEndPoint)} {reject}", out var suppressed))
            ServerLog.Rejected(logger, info.ToString(), reject.ToString(), suppressed);
    }

    public void ConnectionRefused(IPAddress peer)
    {
        ServerMeter.ConnectionRefused();
        if (_log.ShouldLog($"{peer} connection-refused", out var suppressed))
            ServerLog.ConnectionRefused(logger, LogText.Escape(peer.ToString()), options.MaxConnections, options.MaxConnectionsPerPeer, suppressed);
    }

    /// <summary>A protocol error or timeout of a connection that never associated: logged sampled, like a rejection.</summary>
    public bool ShouldLogUnassociated(IPEndPoint remote, string what) =>
        _log.ShouldLog($"{ConnectionLimiter.PeerOf(remote)} {what}", out _);
}
