using System.Globalization;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Npgsql;

namespace VoxDose.StoreScp.Audit;

/// <summary>
/// The audit schema as versioned migrations (DbUp): embedded scripts <c>Audit/Migrations/NNNN_name.sql</c>, the same
/// SQL on SQLite and PostgreSQL (the identity column is the only variable), applied in order, each in its own
/// transaction, and recorded in the journal table <c>schemaversions</c>. Version N is the highest script applied.
/// A database written by a newer VoxDose (a script this build does not know) is refused.
/// </summary>
public static class AuditSchema
{
    private const string ResourcePrefix = "VoxDose.Migrations.";

    /// <summary>Advisory lock key held while migrating PostgreSQL, so two nodes starting together do not both migrate.</summary>
    private const long PostgreSqlMigrationLock = 0x566F78446F7365; // "VoxDose"

    /// <summary>The migrations this build knows, in order (resource name, version).</summary>
    public static IReadOnlyList<(string Name, int Version)> Migrations { get; } = typeof(AuditSchema).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => (n, VersionOf(n)!.Value)).OrderBy(m => m.Item2).ToList();

    /// <summary>The schema version this build writes and reads.</summary>
    public static int CurrentVersion => Migrations[^1].Version;

    /// <summary>Version of a journalled script name (<c>...0003_study_identifiers.sql</c> → 3), or null if it is not one of ours.</summary>
    public static int? VersionOf(string scriptName)
    {
        var name = scriptName.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? scriptName[ResourcePrefix.Length..] : scriptName;
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; returns the version it was at and the scripts applied.</summary>
    public static SchemaUpgrade Upgrade(IAuditDialect dialect)
    {
        using var postgresLock = dialect is PostgreSqlDialect ? PostgresLock.Take(dialect) : null;
        var engine = Builder(dialect).Build();
        var executed = engine.GetExecutedScripts();
        var from = executed.Select(VersionOf).Max() ?? 0;
        if (from > CurrentVersion)
            throw new SchemaTooNewException(from, CurrentVersion);
        var result = engine.PerformUpgrade();
        if (!result.Successful)
            throw new SchemaUpgradeException($"schema migration {result.ErrorScript?.Name ?? "?"} failed: {result.Error?.Message}", result.Error);
        return new SchemaUpgrade(from, CurrentVersion, [.. result.Scripts.Select(s => s.Name)]);
    }

    /// <summary>The version recorded in the database (0 when it has no journal: empty, or created before migrations).</summary>
    public static int ReadVersion(IAuditDialect dialect) => Builder(dialect).Build().GetExecutedScripts().Select(VersionOf).Max() ?? 0;

    private static UpgradeEngineBuilder Builder(IAuditDialect dialect)
    {
        var builder = dialect switch
        {
            PostgreSqlDialect p => DeployChanges.To.PostgresqlDatabase(p.ConnectionString),
            SqliteDialect s => DeployChanges.To.SqliteDatabase(s.ConnectionString),
            _ => throw new NotSupportedException($"no migrations for database engine {dialect.Name}"),
        };
        return builder
            .WithScriptsEmbeddedInAssembly(typeof(AuditSchema).Assembly, n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .WithVariable("identity", dialect.IdentityColumn)
            .WithTransactionPerScript()
            .LogToNowhere();
    }

    private sealed class PostgresLock : IDisposable
    {
        private readonly NpgsqlConnection _connection;

        private PostgresLock(NpgsqlConnection connection) => _connection = connection;

        public static PostgresLock Take(IAuditDialect dialect)
        {
            var connection = (NpgsqlConnection)dialect.CreateConnection();
            connection.Open();
            using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgreSqlMigrationLock})", connection);
            command.ExecuteNonQuery();
            return new PostgresLock(connection);
        }

        public void Dispose()
        {
            using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgreSqlMigrationLock})", _connection))
                command.ExecuteNonQuery();
            _connection.Dispose();
        }
    }
}

/// <summary>What a start did to the schema: the version found, the version now, and the scripts applied (empty when up to date).</summary>
public sealed record SchemaUpgrade(int FromVersion, int ToVersion, IReadOnlyList<string> Applied);

/// <summary>The database was migrated by a newer VoxDose; this build would misread it.</summary>
public sealed class SchemaTooNewException(int databaseVersion, int knownVersion) : Exception(
    $"audit database schema version {databaseVersion} is newer than this VoxDose knows (version {knownVersion}): " +
    "run the VoxDose version that migrated it, or a newer one")
{
    public int DatabaseVersion { get; } = databaseVersion;

    public int KnownVersion { get; } = knownVersion;
}

/// <summary>A migration script failed; its transaction was rolled back and the schema stays at the previous version.</summary>
public sealed class SchemaUpgradeException(string message, Exception? inner) : Exception(message, inner);
