namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Database</c>: the audit database (the source of truth for pipeline state).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Empty with SQLite: <c>Data Source={Storage:Root}/voxdose.db</c>.
    /// Required with PostgreSQL (e.g. <c>Host=db;Database=voxdose;Username=voxdose;Password=...</c>).
    /// </summary>
    public string? ConnectionString { get; set; }
}
