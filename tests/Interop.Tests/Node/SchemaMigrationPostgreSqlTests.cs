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
}
