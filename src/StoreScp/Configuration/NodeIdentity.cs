using System.Globalization;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// The name of this node in a cluster, as written in the rows that say which node holds something (open transfers):
/// <c>Scheduler:InstanceId</c>, or with AUTO the host name and the DICOM port (readable, and the same after a
/// restart, so a node that comes back finds and clears its own rows). The same rule as the Quartz instance id, in one
/// place once both are merged.
/// </summary>
public static class NodeIdentity
{
    public const string Auto = "AUTO";

    public static string Resolve(VoxDoseOptions options)
    {
        var configured = options.Scheduler.InstanceId?.Trim();
        return string.IsNullOrEmpty(configured) || configured.Equals(Auto, StringComparison.OrdinalIgnoreCase)
            ? $"{System.Net.Dns.GetHostName()}:{options.Scp.Port.ToString(CultureInfo.InvariantCulture)}"
            : configured;
    }
}
