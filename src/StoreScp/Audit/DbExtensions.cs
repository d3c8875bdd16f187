using System.Data.Common;
using System.Globalization;

namespace VoxDose.StoreScp.Audit;

/// <summary>Minimal ADO.NET helpers: named <c>@parameters</c> (both engines accept them), no ORM.</summary>
public static class DbExtensions
{
    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters) =>
        await connection.ExecuteAsync(null, sql, cancellationToken, parameters).ConfigureAwait(false);

    public static async Task<int> ExecuteAsync(this DbConnection connection, DbTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var lease = Lease(connection, transaction, sql, parameters);
        return await lease.Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(this DbConnection connection, DbTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var lease = Lease(connection, transaction, sql, parameters);
        var value = await lease.Command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    public static async Task<List<T>> QueryAsync<T>(this DbConnection connection, DbTransaction? transaction, string sql,
        Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var lease = Lease(connection, transaction, sql, parameters);
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(map(reader));
        return rows;
    }

    public static string? Text(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public static long Long(this DbDataReader reader, string column) =>
        Convert.ToInt64(reader.GetValue(reader.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public static long? LongOrNull(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset? Time(this DbDataReader reader, string column) => AuditTime.Parse(reader.Text(column));

    /// <summary>
    /// A command for one execution: a new one, disposed after it, or on a <see cref="PreparedStatements"/> connection the
    /// one kept for this SQL text (prepared once by SQLite, its parameters bound again), left open for the next call.
    /// </summary>
    private static CommandLease Lease(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var cached = PreparedStatements.For(connection);
        var command = cached?.Get(sql) ?? connection.CreateCommand();
        if (cached is null) command.CommandText = sql;
        else command.Parameters.Clear();
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return new CommandLease(command, Owned: cached is null);
    }

    private readonly record struct CommandLease(DbCommand Command, bool Owned) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Owned ? Command.DisposeAsync() : ValueTask.CompletedTask;
    }
}
