using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Outcomes;

namespace VoxDose.Interop.Tests.Node;

/// <summary>Issue 13: the lesion registry (migration 0006), an audited import, a refused one and the export on a real PostgreSQL.</summary>
public class LesionRegistryPostgreSqlTests
{
    [Fact]
    public async Task PostgreSql_registry_records_imports_all_or_nothing_and_exports()
    {
        using var server = PostgreSqlServer.Start();
        var database = new AuditDatabase(new PostgreSqlDialect(server.ConnectionString));
        await database.EnsureSchemaAsync();
        var time = TimeProvider.System;
        var treatment = new TreatmentIdentity("P1", "HOSP", "2.25.7", new DateOnly(2025, 1, 10));
        await new LesionRegistry(database, time).RecordAsync(treatment, 1, 1, [new LesionFigures("GTV 1", 90.5, 20, 0.22, 70, 40, 12, 31.5, null)]);
        var importer = new OutcomeImporter(database, new EventRepository(database, time), time);
        string[] header = ["patientId", "treatmentDate", "roiName", "assessedOn", "response"];

        var good = new OutcomeTable("f.csv", header, [(2, ["P1", "2025-01-10", "gtv 1", "2025-02-10", "CR"]), (3, ["P1", "2025-01-10", "GTV 1", "2025-07-10", "PD"])]);
        Assert.Equal(2, (await importer.ImportAsync(good, "tester")).Added);
        var bad = new OutcomeTable("g.csv", header, [(2, ["P1", "2025-01-10", "GTV 1", "2025-08-10", "SD"]), (3, ["P1", "2025-01-10", "GTV 2", "2025-08-10", "SD"])]);
        var refused = await Assert.ThrowsAsync<OutcomeImportException>(() => importer.ImportAsync(bad, "tester"));
        Assert.Equal("line 3, column 3 (roiName)", refused.Errors.Single().ToString().Split(':')[0]);

        var (columns, rows) = await CohortExport.BuildAsync(database, CohortExport.DefaultLocalControl);
        var row = Assert.Single(rows);
        string Cell(string name) => row[columns.ToList().IndexOf(name)];
        Assert.Equal(("90.5", "3.15", "2", "CR", "1", "1"), (Cell("tdvGy"), Cell("sizeCm"), Cell("followUps"), Cell("bestResponse"), Cell("localControl"), Cell("progression")));
        Assert.Equal(181 / CohortExport.DaysPerMonth, double.Parse(Cell("pfsMonths"), System.Globalization.CultureInfo.InvariantCulture), 9);
        await using var c = await database.OpenAsync();
        Assert.Equal(2L, Convert.ToInt64(await c.ScalarAsync(null, "SELECT COUNT(*) FROM registry_changes", CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture));
    }
}
