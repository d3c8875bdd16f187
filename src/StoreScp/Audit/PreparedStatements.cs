using System.Data.Common;
using System.Runtime.CompilerServices;

namespace VoxDose.StoreScp.Audit;

/// <summary>
/// The commands of one long-lived connection, kept by SQL text so each statement is prepared once (Microsoft.Data.Sqlite
/// prepares a command's statements again for every new command: the parser was about a tenth of the node's CPU per
/// received instance). <see cref="DbExtensions"/> uses them for every call on a connection registered here. One caller
/// at a time: the owner serialises its use of the connection.
/// </summary>
internal sealed class PreparedStatements
{
    private static readonly ConditionalWeakTable<DbConnection, PreparedStatements> Registered = new();
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly DbConnection _connection;

    private PreparedStatements(DbConnection connection) => _connection = connection;

    /// <summary>Keeps the commands of <paramref name="connection"/> from now on (until it is disposed).</summary>
    public static void Register(DbConnection connection) => Registered.AddOrUpdate(connection, new PreparedStatements(connection));

    public static PreparedStatements? For(DbConnection connection) => Registered.TryGetValue(connection, out var cached) ? cached : null;

    public DbCommand Get(string sql)
    {
        if (_commands.TryGetValue(sql, out var command)) return command;
        command = _connection.CreateCommand();
        command.CommandText = sql;
        _commands[sql] = command;
        return command;
    }
}
