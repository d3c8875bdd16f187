using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Cli.Audit;

/// <summary>
/// <c>voxdose audit list [--state S] [--patient ID] [--accession A] [--date YYYY-MM-DD]</c>: studies with their state
/// (and why: error, retry time, reason) and key doses, then the exports that are failing.
/// </summary>
internal static class AuditListCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var state = new Option<string?>("--state") { Description = "Only studies in this state (received, assembled, computed, reported, exported, failed, ignored, notexported)." };
        var patient = new Option<string?>("--patient") { Description = "Only studies of this Patient ID (0010,0020)." };
        var accession = new Option<string?>("--accession") { Description = "Only studies with this Accession Number (0008,0050)." };
        var date = new Option<string?>("--date") { Description = "Only studies of this Study Date (YYYY-MM-DD; the day first received when the study carries none)." };
        var command = new Command("list", "List received studies with their pipeline state and mean doses, and the failing exports.");
        command.Options.Add(config);
        command.Options.Add(state);
        command.Options.Add(patient);
        command.Options.Add(accession);
        command.Options.Add(date);
        command.SetAction(async (parseResult, ct) =>
        {
            StudyState? wantedState = null;
            if (parseResult.GetValue(state) is { } s)
            {
                if (!Enum.TryParse<StudyState>(s, ignoreCase: true, out var parsed) || int.TryParse(s, out _))
                    return await ErrorAsync($"--state '{s}' is not one of {string.Join(", ", Enum.GetValues<StudyState>().Select(v => v.ToText()))}").ConfigureAwait(false);
                wantedState = parsed;
            }
            DateOnly? day = null;
            if (parseResult.GetValue(date) is { } d)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    return await ErrorAsync($"--date '{d}' is not a date YYYY-MM-DD").ConfigureAwait(false);
                day = parsed;
            }
            var reader = await AuditReader.TryOpenAsync(parseResult.GetValue(config), ct).ConfigureAwait(false);
            if (reader is null) return 1;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            if (Console.IsOutputRedirected) console.Profile.Width = 240; // a pipe or a file: do not wrap UIDs
            var table = new Table().AddColumns("Study Instance UID", "State", "Rev", "Last received (UTC)", "Why", "Mean doses (lesions, normal liver)");
            var filter = new StudyFilter(wantedState, parseResult.GetValue(patient), parseResult.GetValue(accession), day);
            foreach (var study in await reader.Studies.FindAsync(filter, ct).ConfigureAwait(false))
            {
                var computation = await reader.Computations.GetAsync(study.StudyUid, study.Revision, ct).ConfigureAwait(false);
                table.AddRow(Markup.Escape(study.StudyUid), study.State.ToText(), study.Revision.ToString(CultureInfo.InvariantCulture),
                    study.LastReceivedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(Why(study)),
                    Markup.Escape(ResultsSummary.KeyDoses(computation?.Results)));
            }
            console.Write(table);
            var failing = await reader.Exports.FailingAsync(ct).ConfigureAwait(false);
            if (failing.Count > 0)
            {
                var exports = new Table().AddColumns("Failing export", "Study Instance UID", "Destination", "Object", "Status", "Attempts", "Next attempt (UTC)", "Last error");
                foreach (var e in failing)
                {
                    exports.AddRow(e.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.StudyUid), Markup.Escape(e.Destination), e.ObjectKind, e.Status,
                        e.Attempts.ToString(CultureInfo.InvariantCulture),
                        e.Status == ExportRepository.Pending ? e.NextAttemptAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "none (voxdose exports retry)",
                        Markup.Escape(e.LastError ?? ""));
                }
                console.Write(exports);
            }
            return 0;
        });
        return command;
    }

    /// <summary>The error of a Failed study and when (whether) it is retried, or the reason of an Ignored/NotExported one.</summary>
    internal static string Why(StudyRecord study) => study.State switch
    {
        StudyState.Failed => $"{study.Error}; " + (study.RetryAt is { } at
            ? $"retry {study.Attempts + 1} at {at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}"
            : "not retried automatically (voxdose studies retry)"),
        _ => study.Reason ?? study.Error ?? "",
    };

    private static async Task<int> ErrorAsync(string message)
    {
        await Console.Error.WriteLineAsync($"voxdose audit list: {message}").ConfigureAwait(false);
        return 2;
    }
}
