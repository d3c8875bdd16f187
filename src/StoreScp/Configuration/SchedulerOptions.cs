namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Section <c>VoxDose:Scheduler</c>: the Quartz.NET job store. Default: in memory (the audit database stays the
/// source of truth and every pending study is re-armed from it at start). <see cref="Clustered"/> switches to
/// Quartz's ADO.NET clustered store in the PostgreSQL audit database, for several nodes sharing one database and
/// one storage root (see docs/operations.md).
/// </summary>
public sealed class SchedulerOptions
{
    public bool Clustered { get; set; }

    /// <summary>Unique per node in a cluster; AUTO lets Quartz generate one.</summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>Prefix of Quartz's own tables (create them with Quartz's tables_postgres.sql).</summary>
    public string TablePrefix { get; set; } = "qrtz_";
}
