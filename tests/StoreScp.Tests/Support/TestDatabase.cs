using VoxDose.StoreScp.Audit;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>A fresh SQLite audit database in a temporary folder.</summary>
public static class TestDatabase
{
    public static async Task<AuditDatabase> CreateSqliteAsync(string? node = null)
    {
        var dir = TestPaths.NewTempDirectory("voxdose-audit");
        var database = new AuditDatabase(new SqliteDialect($"Data Source={Path.Combine(dir, "voxdose.db")};Pooling=False"), node);
        await database.EnsureSchemaAsync();
        return database;
    }
}
