using System.Data.Common;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Audit;

/// <summary>Opens connections to the audit database and creates its schema. Thin on purpose: the SQL lives with each table's repository.</summary>
public sealed class AuditDatabase(IAuditDialect dialect)
{
    public IAuditDialect Dialect => dialect;

    public static AuditDatabase FromOptions(VoxDoseOptions options)
    {
        IAuditDialect dialect = options.Database.Provider switch
        {
            DatabaseProvider.PostgreSql => new PostgreSqlDialect(options.Database.ConnectionString!),
            _ => new SqliteDialect(string.IsNullOrWhiteSpace(options.Database.ConnectionString)
                ? $"Data Source={Path.Combine(Path.GetFullPath(options.Storage.Root), "voxdose.db")};Pooling=True"
                : options.Database.ConnectionString),
        };
        return new AuditDatabase(dialect);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (dialect.ConnectionSetup.Length > 0)
            await connection.ExecuteAsync(dialect.ConnectionSetup, cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in AuditSchema.Statements(dialect))
            await connection.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
    }
}
