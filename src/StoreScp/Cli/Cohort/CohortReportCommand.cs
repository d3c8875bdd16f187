using System.CommandLine;
using System.Globalization;
using VoxDose.Reporting.Cohort;
using VoxDose.StoreScp.Cli.Audit;
using VoxDose.StoreScp.Outcomes;
using VoxDose.Statistics.Cox;
using VoxDose.Statistics.Nonparametric;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>
/// <c>voxdose cohort report [FILE.csv] --out DIR</c>: the study-shaped PDF (DIR/cohort-report.pdf) from a cohort CSV
/// with the template's columns (docs/statistics.md), or, without FILE, from the lesion registry (what
/// <c>cohort export</c> writes, docs/outcomes.md).
/// </summary>
internal static class CohortReportCommand
{
    /// <summary>The template's variables shown in Table 2 and the box plots, when the file has them.</summary>
    public static readonly string[] DefaultVariables = ["tdvGy", "tdpGy", "sizeCm", "sdGy", "covPercent"];

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE")
        {
            Description = "The cohort CSV (template: docs/statistics.md); without it, the lesion registry (docs/outcomes.md).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var config = ConfigOption.Create();
        var registryLocalControl = CohortExportCommand.LocalControlOption("--local-control-responses");
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory (created when missing).", Required = true };
        var time = new Option<string>("--time") { Description = "Progression-free survival time column.", DefaultValueFactory = _ => "pfsMonths" };
        var ev = new Option<string>("--event") { Description = "Progression column (1 progression, 0 censored).", DefaultValueFactory = _ => "progression" };
        var tdv = new Option<string>("--tdv") { Description = "The dose column the Kaplan-Meier curves are split by.", DefaultValueFactory = _ => "tdvGy" };
        var cutoff = new Option<string>("--cutoff") { Description = "Cut-off of --tdv (Gy), or 'median'.", DefaultValueFactory = _ => "81" };
        var localControl = new Option<string>("--local-control") { Description = "Local control column (1 success, 0 failure).", DefaultValueFactory = _ => "localControl" };
        var variables = new Option<string?>("--variables") { Description = "Comma-separated columns for Table 2 and the box plots (default: those of tdvGy,tdpGy,sizeCm,sdGy,covPercent present)." };
        var ties = new Option<string>("--ties") { Description = "efron (default) or breslow.", DefaultValueFactory = _ => "efron" };
        var command = new Command("report", "PDF in the shape of the study: Table 2 (Cox HR), Kaplan-Meier by the TDv cut-off, box plots by local control, TDv vs PFS.");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { output, time, ev, tdv, cutoff, localControl, variables, ties, config }) command.Options.Add(o);
        registryLocalControl.Description = "Without FILE: " + registryLocalControl.Description;
        command.Options.Add(registryLocalControl);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var table = parse.GetValue(file) is { } csv ? CohortTable.Read(csv.FullName)
                    : await FromRegistryAsync(parse.GetValue(config), parse.GetValue(registryLocalControl)!, ct).ConfigureAwait(false);
                if (table is null) return 1;
                var vars = parse.GetValue(variables) is { } v
                    ? v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : DefaultVariables.Where(table.Has).ToArray();
                if (!CohortAnalyzeCommand.TryOptions(parse.GetValue(time)!, parse.GetValue(ev)!, parse.GetValue(tdv), parse.GetValue(cutoff),
                        string.Join(',', vars), parse.GetValue(ties) ?? "efron", out var options, out var error))
                {
                    Console.Error.WriteLine($"cohort report: {error}");
                    return 2;
                }
                var report = Build(table, options, parse.GetValue(localControl)!, TimeProvider.System.GetUtcNow());
                var outDir = parse.GetValue(output)!;
                outDir.Create();
                var path = Path.Combine(outDir.FullName, "cohort-report.pdf");
                var tmp = path + ".tmp";
                File.WriteAllBytes(tmp, CohortPdfWriter.Write(report));
                File.Move(tmp, path, overwrite: true);
                Console.Out.WriteLine($"Wrote {path}.");
                return 0;
            }
            catch (CohortDataException e)
            {
                Console.Error.WriteLine($"cohort report: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>The registry's cohort (as <c>cohort export</c> writes it) as a table; null when the database cannot be opened (said why).</summary>
    private static async Task<CohortTable?> FromRegistryAsync(string? configFile, string localControl, CancellationToken ct)
    {
        if (!CohortExportCommand.TryLocalControl(localControl, out var responses, out var error)) throw new CohortDataException(error!);
        var reader = await AuditReader.TryOpenAsync(configFile, ct).ConfigureAwait(false);
        if (reader is null) return null;
        var (columns, rows) = await CohortExport.BuildAsync(reader.Database, responses, ct).ConfigureAwait(false);
        if (rows.Count == 0) throw new CohortDataException("the lesion registry holds no lesion yet.");
        return CohortTable.Parse("lesion registry", CohortExport.ToCsv(columns, rows).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The report's content: survival by the dose group, Cox on the variables, boxes by local control.</summary>
    internal static CohortReport Build(CohortTable table, CohortAnalysisOptions options, string localControlColumn, DateTimeOffset now)
    {
        // Survival, log-rank and Spearman on every row with time, event and dose; Cox on the rows with every variable.
        var survival = CohortAnalyzer.Analyze(table, options with { Covariates = [] });
        var cox = options.Covariates.Count == 0 ? null : CohortAnalyzer.Analyze(table, options with { GroupColumn = null, Cutoff = null });
        var table2 = options.Covariates.Select((name, k) => new Table2Row(name,
            cox?.Univariate.ElementAtOrDefault(k)?.Terms[0],
            cox?.Study?.Multivariate?.Terms.FirstOrDefault(t => t.Name == name))).ToArray();

        var lc = table.IndexOf(localControlColumn);
        var boxes = new List<CohortBox>();
        var notes = new List<string>(survival.Notes);
        if (cox?.Study is { } study) // what Table 2 shows: the univariate fits and the study's multivariate model
            notes.AddRange(study.Univariate.Concat(study.Multivariate is null ? [] : [study.Multivariate]).SelectMany(f => f.Warnings).Distinct());
        foreach (var variable in options.Covariates)
        {
            var col = table.IndexOf(variable);
            var success = new List<double>();
            var failure = new List<double>();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var cells = table.Rows[r].Cells;
                if (CohortTable.IsMissing(cells[col]) || CohortTable.IsMissing(cells[lc])) continue;
                (table.Binary(r, lc, "1 (local control success) or 0 (failure)") ? success : failure).Add(table.Number(r, col));
            }
            MannWhitneyResult? test = null;
            try { test = MannWhitney.Test(success, failure); }
            catch (ArgumentException e) { notes.Add($"Mann-Whitney {variable}: {e.Message}"); }
            boxes.Add(new CohortBox(variable, success.ToArray(), failure.ToArray(), test));
        }

        var cutoffText = survival.Grouping.Cutoff is { } c ? c.ToString("0.###", CultureInfo.InvariantCulture) : "";
        var kmTitle = survival.Grouping.Rule switch
        {
            "cutoff" => $"{options.GroupColumn} cut-off {cutoffText}",
            "median" => $"{options.GroupColumn} at the cohort median ({cutoffText})",
            _ => options.GroupColumn ?? "all lesions",
        };
        return new CohortReport(table.Source, SoftwareVersion.Current, now, survival.Rows.Time.Length, survival.Rows.Event.Count(e => e),
            options.TimeColumn, "progression", table2, cox?.Study?.EntryP ?? StudyModel.DefaultEntryP, kmTitle,
            survival.Groups.Select(g => new CohortCurve(g.Name, g.Curve)).ToArray(), survival.LogRank, boxes,
            options.GroupColumn ?? "", survival.Rows.GroupValue ?? [], survival.Rows.Time, survival.Rows.Event, survival.Spearman, notes);
    }
}
