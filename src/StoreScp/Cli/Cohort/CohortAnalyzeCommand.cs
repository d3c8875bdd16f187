using System.CommandLine;
using System.Globalization;
using VoxDose.Statistics.Cox;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>
/// <c>voxdose cohort analyze FILE.csv --time COL --event COL [--group COL --cutoff X|median] [--covariates A,B,...]
/// [--ties efron|breslow] --out DIR</c>: writes DIR/analysis.json (docs/statistics.md).
/// </summary>
internal static class CohortAnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The cohort CSV: a header row, one row per lesion." };
        var time = new Option<string>("--time") { Description = "Column of the follow-up time (event or censoring), e.g. pfsMonths.", Required = true };
        var ev = new Option<string>("--event") { Description = "Column of the event indicator: 1 event, 0 censored.", Required = true };
        var group = new Option<string?>("--group") { Description = "Column that splits the Kaplan-Meier curves: numeric (dichotomised at --cutoff) or categories." };
        var cutoff = new Option<string?>("--cutoff") { Description = "Cut-off of a numeric --group column (values at or above are 'high'), or 'median' (the default)." };
        var covariates = new Option<string?>("--covariates") { Description = "Comma-separated numeric columns for the Cox model, e.g. tdvGy,sizeCm." };
        var ties = new Option<string>("--ties") { Description = "efron (default, as R) or breslow.", DefaultValueFactory = _ => "efron" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory (created when missing).", Required = true };
        var command = new Command("analyze", "Kaplan-Meier, log-rank, Cox (univariate, multivariate, the study's P < 0.05 rule), Mann-Whitney and Spearman on a cohort CSV; writes analysis.json.");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { time, ev, group, cutoff, covariates, ties, output }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            if (!TryOptions(parse.GetValue(time)!, parse.GetValue(ev)!, parse.GetValue(group), parse.GetValue(cutoff),
                    parse.GetValue(covariates), parse.GetValue(ties) ?? "efron", out var options, out var error))
            {
                Console.Error.WriteLine($"cohort analyze: {error}");
                return 2;
            }
            try
            {
                var analysis = CohortAnalyzer.Analyze(CohortTable.Read(parse.GetValue(file)!.FullName), options);
                var outDir = parse.GetValue(output)!;
                outDir.Create();
                var path = Path.Combine(outDir.FullName, "analysis.json");
                AnalysisJsonWriter.Write(analysis, path, SoftwareVersion.Current);
                CohortSummaryPrinter.Print(Console.Out, analysis);
                Console.Out.WriteLine($"Wrote {path}.");
                return 0;
            }
            catch (CohortDataException e)
            {
                Console.Error.WriteLine($"cohort analyze: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    internal static bool TryOptions(string time, string ev, string? group, string? cutoffText, string? covariatesText, string tiesText,
        out CohortAnalysisOptions options, out string error)
    {
        options = null!;
        error = "";
        double? cutoff = null;
        if (cutoffText is not null && !cutoffText.Equals("median", StringComparison.OrdinalIgnoreCase))
        {
            if (!double.TryParse(cutoffText, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || !double.IsFinite(c))
            {
                error = $"--cutoff must be a number or 'median', got '{cutoffText}'.";
                return false;
            }
            cutoff = c;
        }
        if (cutoffText is not null && group is null)
        {
            error = "--cutoff needs --group (the column to dichotomise).";
            return false;
        }
        CoxTies ties;
        switch (tiesText.ToLowerInvariant())
        {
            case "efron": ties = CoxTies.Efron; break;
            case "breslow": ties = CoxTies.Breslow; break;
            default: error = $"--ties must be efron or breslow, got '{tiesText}'."; return false;
        }
        var covariates = (covariatesText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var duplicate = covariates.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error = $"--covariates names '{duplicate.Key}' twice.";
            return false;
        }
        options = new CohortAnalysisOptions(time, ev, group, cutoff, covariates, ties);
        return true;
    }
}
