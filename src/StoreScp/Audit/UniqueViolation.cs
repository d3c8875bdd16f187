using System.Data.Common;

namespace VoxDose.StoreScp.Audit;

/// <summary>A statement lost a unique key to a concurrent writer (another node): PostgreSQL 23505, SQLite constraint 19 (2067 extended).</summary>
public static class UniqueViolation
{
    public static bool Is(DbException e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
