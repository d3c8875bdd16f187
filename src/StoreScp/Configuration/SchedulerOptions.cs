using System.Net;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Section <c>VoxDose:Scheduler</c>: the Quartz.NET job store. Default: in memory (the audit database stays the
/// source of truth and every pending study is re-armed from it at start). <see cref="Clustered"/> switches to
/// Quartz's ADO.NET clustered store in the PostgreSQL audit database, for several nodes sharing one database and
/// one storage root (see docs/operations.md).
/// </summary>
public sealed class SchedulerOptions
{
    /// <summary>The Quartz scheduler name every node of a cluster shares (Quartz tells the nodes of one scheduler apart by instance id).</summary>
    public const string SchedulerName = "VoxDose";

    public bool Clustered { get; set; }

    /// <summary>
    /// This node's name: Quartz's instance id (unique per node in a cluster) and the <c>node</c> column of the audit rows
    /// that record work. AUTO: host name and DICOM port (<see cref="NodeId"/>), stable across restarts.
    /// </summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>Prefix of Quartz's own tables; in clustered mode the node creates the missing ones at start.</summary>
    public string TablePrefix { get; set; } = "qrtz_";

    /// <summary>
    /// How often each node checks in with the cluster (Quartz's cluster check-in interval). A node silent for this plus
    /// the same again as slack is taken for dead, and its running jobs are recovered by a survivor.
    /// </summary>
    public int ClusterCheckinSeconds { get; set; } = 10;

    /// <summary>The node id for <paramref name="scpPort"/>: <see cref="InstanceId"/>, or for AUTO <c>host:port</c>.</summary>
    public string NodeId(int scpPort) =>
        string.Equals(InstanceId, "AUTO", StringComparison.OrdinalIgnoreCase) ? $"{Dns.GetHostName()}:{scpPort}" : InstanceId.Trim();
}
