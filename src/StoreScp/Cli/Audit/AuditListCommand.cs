using System.CommandLine;
using Spectre.Console;
using VoxDose.Dicom;

namespace VoxDose.StoreScp.Cli.Audit;

/// <summary><c>voxdose audit list</c>: a table of studies with their state and key doses.</summary>
internal static class AuditListCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("list", "List received studies with their pipeline state and mean doses.");
        command.Options.Add(config);
        command.SetAction(async (parseResult, ct) =>
        {
            var reader = await AuditReader.TryOpenAsync(parseResult.GetValue(config), ct).ConfigureAwait(false);
            if (reader is null) return 1;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            if (Console.IsOutputRedirected) console.Profile.Width = 240; // a pipe or a file: do not wrap UIDs
            var table = new Table().AddColumns("Study Instance UID", "State", "Rev", "Last received (UTC)", "Mean doses (lesions, normal liver)");
            foreach (var study in await reader.Studies.ListAsync(ct).ConfigureAwait(false))
            {
                var computation = await reader.Computations.GetAsync(study.StudyUid, study.Revision, ct).ConfigureAwait(false);
                var state = study.State.ToString() + (study.Error is null ? "" : $" ({study.Error})");
                table.AddRow(Markup.Escape(LogText.Escape(study.StudyUid)), Markup.Escape(LogText.Escape(state)), study.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    study.LastReceivedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(LogText.Escape(ResultsSummary.KeyDoses(computation?.Results))));
            }
            console.Write(table);
            return 0;
        });
        return command;
    }
}
