using System.CommandLine;
using VoxDose.StoreScp.Cli.Audit;
using VoxDose.StoreScp.Outcomes;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>
/// <c>voxdose cohort export --out cohort.csv [--local-control CR[,PR]]</c>: the registry's lesions joined with their
/// follow-up and their patients' covariates (docs/outcomes.md), in the columns <c>cohort analyze</c> and
/// <c>cohort report</c> read.
/// </summary>
internal static class CohortExportCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var output = new Option<FileInfo>("--out") { Description = "The cohort CSV to write.", Required = true };
        var localControl = LocalControlOption();
        var command = new Command("export", "Write the registry's lesions (doses, follow-up end points, covariates) as a cohort CSV for 'cohort analyze' and 'cohort report'.");
        command.Options.Add(config);
        command.Options.Add(output);
        command.Options.Add(localControl);
        command.SetAction(async (parse, ct) =>
        {
            if (!TryLocalControl(parse.GetValue(localControl)!, out var responses, out var error))
            {
                await Console.Error.WriteLineAsync($"cohort export: {error}").ConfigureAwait(false);
                return 2;
            }
            var reader = await AuditReader.TryOpenAsync(parse.GetValue(config), ct).ConfigureAwait(false);
            if (reader is null) return 1;
            var (columns, rows) = await CohortExport.BuildAsync(reader.Database, responses, ct).ConfigureAwait(false);
            var path = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var tmp = path + ".tmp";
            await File.WriteAllTextAsync(tmp, CohortExport.ToCsv(columns, rows), ct).ConfigureAwait(false);
            File.Move(tmp, path, overwrite: true);
            Console.Out.WriteLine($"Wrote {path}: {rows.Count} lesion(s), {rows.Count(r => r[Array.IndexOf(CohortExport.LeadingColumns, "pfsMonths")] != "NA")} with follow-up.");
            return 0;
        });
        return command;
    }

    /// <summary>The <c>--local-control</c> option: the mRECIST responses that count as local control success.</summary>
    public static Option<string> LocalControlOption(string name = "--local-control") => new(name)
    {
        Description = "mRECIST best responses counted as local control success, comma-separated (default CR, as the study).",
        DefaultValueFactory = _ => "CR",
    };

    public static bool TryLocalControl(string text, out IReadOnlyCollection<string> responses, out string? error)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = parts.Where(p => !OutcomeTemplate.Responses.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        responses = [.. parts.Select(p => p.ToUpperInvariant())];
        error = parts.Length == 0 ? "--local-control: give one or more of CR, PR, SD, PD"
            : bad.Count > 0 ? $"--local-control: '{string.Join(", ", bad)}' is not an mRECIST response (CR, PR, SD, PD)" : null;
        return error is null;
    }
}
