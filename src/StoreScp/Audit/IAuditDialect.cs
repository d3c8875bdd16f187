using System.Data.Common;

namespace VoxDose.StoreScp.Audit;

/// <summary>What differs between the audit database engines: the connection and the identity column. All other SQL runs on both.</summary>
public interface IAuditDialect
{
    string Name { get; }

    DbConnection CreateConnection();

    /// <summary>DDL of an auto-numbered 64-bit primary key column.</summary>
    string IdentityColumn { get; }

    /// <summary>Statements run on every new connection (SQLite pragmas); empty for PostgreSQL.</summary>
    string ConnectionSetup { get; }
}
