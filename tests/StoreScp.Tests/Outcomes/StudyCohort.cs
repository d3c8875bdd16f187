using System.Globalization;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Outcomes;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Outcomes;

/// <summary>
/// The 14 lesions of docs/examples/cohort-14-lesions.csv (shaped like the study's: TDv, SD, CoV, size, local control,
/// PFS, progression) put in a node's registry as the node would record them, and written as the follow-up CSV a site
/// would import: a first assessment at day 30 (CR for local-control lesions, SD otherwise), a last one at the PFS day
/// (PD when the lesion progressed, the same response otherwise).
/// </summary>
internal sealed class StudyCohort : IDisposable
{
    public static readonly string Example = Path.Combine(TestPaths.RepoRoot, "docs", "examples", "cohort-14-lesions.csv");
    public static readonly DateOnly TreatedOn = new(2025, 1, 10);

    public required string Root { get; init; }
    public required string ConfigFile { get; init; }
    public required AuditDatabase Database { get; init; }
    public required IReadOnlyList<Lesion> Lesions { get; init; }

    public sealed record Lesion(string LesionId, string PatientId, string StudyUid, string RoiName, double TdvGy, double? TdpGy, double SizeCm,
        double SdGy, double CovPercent, bool LocalControl, double PfsMonths, bool Progression)
    {
        /// <summary>The whole days of follow-up the PFS stands for, and the PFS in months they give back.</summary>
        public int PfsDays => (int)Math.Round(PfsMonths * CohortExport.DaysPerMonth);
        public double PfsMonthsFromDays => PfsDays / CohortExport.DaysPerMonth;
    }

    public static async Task<StudyCohort> CreateAsync()
    {
        var root = TestPaths.NewTempDirectory("voxdose-registry");
        var config = Path.Combine(root, "voxdose.json");
        await File.WriteAllTextAsync(config, $$"""{ "VoxDose": { "Storage": { "Root": "{{root.Replace("\\", "\\\\")}}" } } }""");
        var database = AuditDatabase.FromOptions(NodeConfiguration.BindAndValidate(NodeConfiguration.Build(config)));
        await database.EnsureSchemaAsync();
        var lines = await File.ReadAllLinesAsync(Example);
        var lesions = new List<Lesion>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var c = line.Split(',');
            double N(int i) => double.Parse(c[i], CultureInfo.InvariantCulture);
            var patient = c[1];
            lesions.Add(new Lesion(c[0], patient, $"2.25.9{patient[1..]}", $"Lesion {c[0][1..]}", N(2), N(3), N(4), N(5), N(6), c[7] == "1", N(8), c[9] == "1"));
        }
        var registry = new LesionRegistry(database, TimeProvider.System);
        var computation = 100L;
        foreach (var treatment in lesions.GroupBy(l => l.StudyUid))
        {
            var identity = new TreatmentIdentity(treatment.First().PatientId, "HOSP", treatment.Key, TreatedOn);
            await registry.RecordAsync(identity, 1, computation++, [.. treatment.Select(l => new LesionFigures(l.RoiName, l.TdvGy, l.SdGy, l.CovPercent / 100,
                l.TdvGy * 0.8, 60, 20, l.SizeCm * 10, l.TdpGy))]);
        }
        return new StudyCohort { Root = root, ConfigFile = config, Database = database, Lesions = lesions };
    }

    /// <summary>Removes the cohort's folder (database, CSV files, outputs).</summary>
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    public string WriteFollowUpCsv(string name = "followup.csv")
    {
        var path = Path.Combine(Root, name);
        var rows = new List<string> { "patientId,treatmentDate,roiName,assessedOn,response" };
        foreach (var l in Lesions)
        {
            var first = l.LocalControl ? "CR" : "SD";
            rows.Add($"{l.PatientId},{TreatedOn:yyyy-MM-dd},{l.RoiName.ToLowerInvariant()},{TreatedOn.AddDays(30):yyyy-MM-dd},{first}");
            rows.Add($"{l.PatientId},{TreatedOn:yyyy-MM-dd},{l.RoiName},{TreatedOn.AddDays(l.PfsDays):yyyy-MM-dd},{(l.Progression ? "PD" : first)}");
        }
        File.WriteAllLines(path, rows);
        return path;
    }

    /// <summary>Covariates of the 12 patients (five of the template's, plus age), from their number so each differs.</summary>
    public string WriteCovariatesCsv(string name = "covariates.csv")
    {
        var path = Path.Combine(Root, name);
        var rows = new List<string> { "patientId,issuerOfPatientId,ageYears,afpNgPerMl,childPughScore,bclcStage,portalVeinThrombosis,viralStatus" };
        foreach (var p in Lesions.Select(l => l.PatientId).Distinct())
        {
            var n = int.Parse(p[1..], CultureInfo.InvariantCulture);
            rows.Add($"{p},HOSP,{50 + n},{n * 12.5},{5 + n % 3},{"ABC"[n % 3]},{n % 2},{(n % 2 == 0 ? "HBV" : "hcv")}");
        }
        File.WriteAllLines(path, rows);
        return path;
    }

    /// <summary>Every row of the registry's tables and the events, as text: equal before and after means nothing changed.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var c = await Database.OpenAsync();
        var text = new System.Text.StringBuilder();
        foreach (var table in new[] { "registry_patients", "registry_treatments", "registry_lesions", "registry_lesion_figures", "registry_followups",
                     "registry_covariates", "registry_changes", "events" })
        {
            text.Append(table).Append('\n');
            foreach (var row in await c.QueryAsync(null, $"SELECT * FROM {table} ORDER BY 1, 2", r =>
                         string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))), CancellationToken.None))
                text.Append(row).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Runs the voxdose executable of the build (a process of its own, as an operator would).</summary>
    public static ToolResult Voxdose(params string[] arguments) =>
        ExternalTool.Run("dotnet", [typeof(VoxDose.StoreScp.Scp.NodeStoreHandler).Assembly.Location, .. arguments], TimeSpan.FromMinutes(2));

    public OutcomeImporter Importer() => new(Database, new EventRepository(Database, TimeProvider.System), TimeProvider.System);

    public static OutcomeTable Table(string path)
    {
        var csv = VoxDose.StoreScp.Cli.Cohort.CohortTable.Read(path);
        return new OutcomeTable(csv.Source, csv.Columns, csv.Rows);
    }
}
