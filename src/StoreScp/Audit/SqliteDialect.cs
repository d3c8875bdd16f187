using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace VoxDose.StoreScp.Audit;

/// <summary>SQLite audit database (default: <c>{Storage:Root}/voxdose.db</c>), WAL journal, full fsync on commit.</summary>
public sealed class SqliteDialect(string connectionString) : IAuditDialect
{
    public string ConnectionString => connectionString;

    public string Name => "sqlite";

    public DbConnection CreateConnection() => new SqliteConnection(connectionString);

    public string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public string ConnectionSetup => "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
}
