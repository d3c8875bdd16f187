using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Audit;

public class SchemaMigrationTests
{
    private static AuditDatabase NewSqlite() =>
        new(new SqliteDialect($"Data Source={Path.Combine(TestPaths.NewTempDirectory("voxdose-migrate"), "voxdose.db")};Pooling=False"));

    [Fact]
    public async Task Sqlite_version_1_database_with_rows_upgrades_to_current_keeping_its_data()
    {
        var database = NewSqlite();
        await SchemaUpgradeScenario.CreateVersion1WithRowsAsync(database);
        await SchemaUpgradeScenario.UpgradeAndVerifyAsync(database);
    }

    [Fact]
    public async Task Migrations_are_numbered_from_1_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, AuditSchema.Migrations.Count), AuditSchema.Migrations.Select(m => m.Version));
        Assert.Equal(AuditSchema.Migrations.Count, AuditSchema.CurrentVersion);
        var fresh = NewSqlite();
        Assert.Equal(AuditSchema.CurrentVersion, (await fresh.EnsureSchemaAsync()).ToVersion);
    }

    [Fact]
    public async Task Node_refuses_a_schema_newer_than_it_knows()
    {
        var database = NewSqlite();
        await database.EnsureSchemaAsync();
        var future = AuditSchema.CurrentVersion + 1;
        await using (var c = await database.OpenAsync())
            await c.ExecuteAsync("INSERT INTO schemaversions (scriptname, applied) VALUES (@n, @t)", CancellationToken.None,
                ("@n", $"VoxDose.Migrations.{future:0000}_from_the_future.sql"), ("@t", DateTime.UtcNow));
        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => database.EnsureSchemaAsync());
        Assert.Equal((future, AuditSchema.CurrentVersion), (refused.DatabaseVersion, refused.KnownVersion));
        Assert.Contains($"schema version {future} is newer than this VoxDose knows (version {AuditSchema.CurrentVersion})", refused.Message, StringComparison.Ordinal);
    }
}
