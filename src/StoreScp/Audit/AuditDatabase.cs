using System.Data.Common;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Audit;

/// <summary>
/// Opens connections to the audit database and migrates its schema. Thin on purpose: the SQL lives with each table's
/// repository. <paramref name="node"/> names the node writing (the <c>node</c> column of the rows that record work).
/// </summary>
public sealed class AuditDatabase(IAuditDialect dialect, string? node = null)
{
    public IAuditDialect Dialect => dialect;

    /// <summary>This node's id (Scheduler:InstanceId, or host:port for AUTO); the machine name when none was given.</summary>
    public string Node { get; } = string.IsNullOrWhiteSpace(node) ? Environment.MachineName : node;

    public static AuditDatabase FromOptions(VoxDoseOptions options)
    {
        IAuditDialect dialect = options.Database.Provider switch
        {
            DatabaseProvider.PostgreSql => new PostgreSqlDialect(options.Database.ConnectionString!),
            _ => new SqliteDialect(string.IsNullOrWhiteSpace(options.Database.ConnectionString)
                ? $"Data Source={Path.Combine(Path.GetFullPath(options.Storage.Root), "voxdose.db")};Pooling=True"
                : options.Database.ConnectionString, syncEveryCommit: options.Storage.SyncMode == StorageSyncMode.PerInstance),
        };
        return new AuditDatabase(dialect, options.Scheduler.NodeId(options.Scp.Port));
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (dialect.ConnectionSetup.Length > 0)
        {
            // The setup (SQLite PRAGMAs) holds for the physical connection: run once per pooled SQLite handle, not on
            // every open (an open per statement group, several per received instance, each paid four PRAGMAs).
            var handle = (connection as Microsoft.Data.Sqlite.SqliteConnection)?.Handle;
            if (handle is null || !_setUp.TryGetValue(handle, out _))
            {
                await connection.ExecuteAsync(dialect.ConnectionSetup, cancellationToken).ConfigureAwait(false);
                if (handle is not null) _setUp.AddOrUpdate(handle, SetUpMarker);
            }
        }
        return connection;
    }

    private static readonly object SetUpMarker = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _setUp = new();

    /// <summary>The schema version after <see cref="EnsureSchemaAsync"/> (for the start-up log); null before.</summary>
    public int? SchemaVersion { get; private set; }

    /// <summary>
    /// Migrates the schema to the version this build knows (see <see cref="AuditSchema"/>). Throws
    /// <see cref="SchemaTooNewException"/> for a database a newer VoxDose migrated.
    /// </summary>
    public async Task<SchemaUpgrade> EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (dialect is SqliteDialect sqlite) sqlite.MakeFilesPrivate(); // 0600 before the first byte of it is written
        // DbUp is synchronous; the first connection also sets the SQLite pragmas (WAL) before DbUp writes.
        await using (await OpenAsync(cancellationToken).ConfigureAwait(false)) { }
        var upgrade = await Task.Run(() => AuditSchema.Upgrade(dialect), cancellationToken).ConfigureAwait(false);
        SchemaVersion = upgrade.ToVersion;
        return upgrade;
    }

    /// <summary>The schema version of this database, for the start-up log: the last migration applied.</summary>
    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) =>
        SchemaVersion is { } known ? Task.FromResult(known) : Task.Run(() => AuditSchema.ReadVersion(dialect), cancellationToken);

    /// <summary>Where the database is, for logs: the connection string without password or other secrets.</summary>
    public string Location
    {
        get
        {
            using var connection = dialect.CreateConnection(); // not opened: only its connection string is read
            var builder = new DbConnectionStringBuilder { ConnectionString = connection.ConnectionString };
            foreach (var key in builder.Keys.Cast<string>().ToList())
            {
                if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase)
                    || key.Contains("passfile", StringComparison.OrdinalIgnoreCase) || key.Contains("key", StringComparison.OrdinalIgnoreCase))
                    builder.Remove(key);
            }
            return builder.ConnectionString;
        }
    }
}
