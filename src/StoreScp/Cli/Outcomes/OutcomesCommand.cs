using System.CommandLine;
using VoxDose.StoreScp.Cli.Audit;
using VoxDose.StoreScp.Cli.Cohort;
using VoxDose.StoreScp.Outcomes;

namespace VoxDose.StoreScp.Cli.Outcomes;

/// <summary>
/// <c>voxdose outcomes import FILE.csv [--user NAME]</c>: lesion follow-up or patient covariates into the registry
/// (docs/outcomes.md), every row validated, all or nothing, every change audited with who and when.
/// </summary>
internal static class OutcomesCommand
{
    public static Command Create()
    {
        var command = new Command("outcomes", "Follow-up (mRECIST) and clinical covariates of the lesion registry (docs/outcomes.md).");
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Import()
    {
        var config = ConfigOption.Create();
        var file = new Argument<FileInfo>("FILE") { Description = "Follow-up or covariates CSV (templates: docs/outcomes.md)." };
        var user = new Option<string?>("--user") { Description = "Who makes the change, for the audit (default: the operating-system user)." };
        var command = new Command("import", "Import lesion follow-up or patient covariates: each row validated (errors name line and column), all or nothing, every change audited.");
        command.Options.Add(config);
        command.Options.Add(user);
        command.Arguments.Add(file);
        command.SetAction(async (parse, ct) =>
        {
            OutcomeTable table;
            try
            {
                var csv = CohortTable.Read(parse.GetValue(file)!.FullName);
                table = new OutcomeTable(csv.Source, csv.Columns, csv.Rows);
            }
            catch (CohortDataException e)
            {
                await Console.Error.WriteLineAsync($"outcomes import: {e.Message} Nothing imported.").ConfigureAwait(false);
                return 2;
            }
            var reader = await AuditReader.TryOpenAsync(parse.GetValue(config), ct).ConfigureAwait(false);
            if (reader is null) return 1;
            var who = parse.GetValue(user) is { Length: > 0 } named ? named : Environment.UserName;
            try
            {
                var summary = await new OutcomeImporter(reader.Database, reader.Events, TimeProvider.System).ImportAsync(table, who, ct).ConfigureAwait(false);
                Console.Out.WriteLine($"Imported {table.Source} ({summary.Kind}): {summary.Rows} rows, {summary.Added} added, {summary.Changed} changed, " +
                    $"{summary.Unchanged} unchanged; {summary.ValueChanges} value change(s) audited as {who}.");
                return 0;
            }
            catch (OutcomeImportException e)
            {
                foreach (var error in e.Errors) await Console.Error.WriteLineAsync($"outcomes import: {table.Source}: {error}").ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"outcomes import: {e.Errors.Count} error(s); nothing imported.").ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }
}
