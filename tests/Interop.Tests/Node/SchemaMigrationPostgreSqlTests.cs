using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Tests.Support;

namespace VoxDose.Interop.Tests.Node;

/// <summary>The schema migrations on a real, throw-away PostgreSQL: a version-1 database with rows is upgraded, data kept.</summary>
public class SchemaMigrationPostgreSqlTests
{
    [Fact]
    public async Task PostgreSql_version_1_database_with_rows_upgrades_to_current_keeping_its_data()
    {
        using var server = PostgreSqlServer.Start();
        var database = new AuditDatabase(new PostgreSqlDialect(server.ConnectionString));
        await SchemaUpgradeScenario.CreateVersion1WithRowsAsync(database);
        await SchemaUpgradeScenario.UpgradeAndVerifyAsync(database);
    }

    [Fact]
    public async Task PostgreSql_node_refuses_a_schema_newer_than_it_knows()
    {
        // Mixed versions in a cluster: a node older than the one that migrated the shared database must not start on it.
        using var server = PostgreSqlServer.Start();
        var database = new AuditDatabase(new PostgreSqlDialect(server.ConnectionString));
        await database.EnsureSchemaAsync();
        var future = AuditSchema.CurrentVersion + 1;
        await using (var c = await database.OpenAsync())
            await c.ExecuteAsync("INSERT INTO schemaversions (scriptname, applied) VALUES (@n, @t)", CancellationToken.None,
                ("@n", $"VoxDose.Migrations.{future:0000}_from_the_future.sql"), ("@t", DateTime.UtcNow));
        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => database.EnsureSchemaAsync());
        Assert.Equal((future, AuditSchema.CurrentVersion), (refused.DatabaseVersion, refused.KnownVersion));
    }
}
