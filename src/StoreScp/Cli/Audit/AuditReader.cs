using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Cli.Audit;

/// <summary>The repositories the audit verbs read, opened from the node's configuration without starting the node.</summary>
internal sealed class AuditReader
{
    private AuditReader(AuditDatabase database)
    {
        Database = database;
        var time = TimeProvider.System;
        Studies = new StudyRepository(database, time);
        Instances = new InstanceRepository(database, time);
        Computations = new ComputationRepository(database, time);
        Exports = new ExportRepository(database, time);
        Associations = new AssociationRepository(database, time);
        Events = new EventRepository(database, time);
    }

    public AuditDatabase Database { get; }
    public StudyRepository Studies { get; }
    public InstanceRepository Instances { get; }
    public ComputationRepository Computations { get; }
    public ExportRepository Exports { get; }
    public AssociationRepository Associations { get; }
    public EventRepository Events { get; }

    /// <summary>Opens the audit database, or prints why it cannot (bad configuration, database unavailable) and returns null.</summary>
    public static async Task<AuditReader?> TryOpenAsync(string? configFile, CancellationToken ct)
    {
        try
        {
            return await OpenAsync(configFile, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or System.Data.Common.DbException
            or SchemaTooNewException or SchemaUpgradeException)
        {
            await Console.Error.WriteLineAsync($"voxdose: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    public static async Task<AuditReader> OpenAsync(string? configFile, CancellationToken ct)
    {
        var options = NodeConfiguration.BindAndValidate(NodeConfiguration.Build(configFile));
        var database = AuditDatabase.FromOptions(options);
        await database.EnsureSchemaAsync(ct).ConfigureAwait(false);
        return new AuditReader(database);
    }
}
