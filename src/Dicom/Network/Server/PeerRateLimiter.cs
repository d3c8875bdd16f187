using System.Net;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// Association requests per peer address (<see cref="DicomServerOptions.MaxAssociationRequestsPerPeerPerMinute"/>): a
/// token bucket per address holding at most one minute's allowance, refilled continuously. A peer over it gets
/// A-ASSOCIATE-RJ transient (temporary congestion) without reaching the policy, the handler or the audit. Buckets that
/// are full again are forgotten when the table grows, so many addresses cannot grow it without bound.
/// </summary>
internal sealed class PeerRateLimiter(int perMinute, TimeProvider time)
{
    private const int PruneAbove = 4096;
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, (double Tokens, long Stamp)> _buckets = [];

    /// <summary>Takes one request's token; false when the peer is over its rate (0: no limit).</summary>
    public bool TryTake(IPAddress peer)
    {
        if (perMinute <= 0) return true;
        var now = time.GetTimestamp();
        lock (_lock)
        {
            if (_buckets.Count > PruneAbove)
                foreach (var full in _buckets.Where(b => Refilled(b.Value, now) >= perMinute).Select(b => b.Key).ToList()) _buckets.Remove(full);
            var tokens = _buckets.TryGetValue(peer, out var bucket) ? Refilled(bucket, now) : perMinute;
            if (tokens < 1)
            {
                _buckets[peer] = (tokens, now);
                return false;
            }
            _buckets[peer] = (tokens - 1, now);
            return true;
        }
    }

    private double Refilled((double Tokens, long Stamp) bucket, long now) =>
        Math.Min(perMinute, bucket.Tokens + time.GetElapsedTime(bucket.Stamp, now).TotalMinutes * perMinute);
}
