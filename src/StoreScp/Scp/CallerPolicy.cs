using System.Net;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Scp;

/// <summary>
/// Scp:AllowedCallers: empty accepts any caller; otherwise the calling AE title must match an entry and, when the
/// entry names a host, the peer address must be one of that host's addresses (resolved once at start).
/// </summary>
public sealed class CallerPolicy
{
    private readonly List<(string AeTitle, HashSet<IPAddress>? Addresses)> _entries = [];

    public CallerPolicy(IEnumerable<AllowedCaller> callers)
    {
        foreach (var caller in callers)
        {
            HashSet<IPAddress>? addresses = null;
            if (!string.IsNullOrWhiteSpace(caller.Host))
            {
                addresses = IPAddress.TryParse(caller.Host, out var ip) ? [Normalize(ip)]
                    : [.. Dns.GetHostAddresses(caller.Host).Select(Normalize)];
            }
            _entries.Add((caller.AeTitle.Trim(), addresses));
        }
    }

    public bool IsAllowed(string callingAeTitle, IPAddress peer)
    {
        if (_entries.Count == 0) return true;
        var address = Normalize(peer);
        return _entries.Any(e => e.AeTitle == callingAeTitle.Trim() && (e.Addresses is null || e.Addresses.Contains(address)));
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
