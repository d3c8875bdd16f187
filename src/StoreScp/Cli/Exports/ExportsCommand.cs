using System.CommandLine;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Cli.Audit;
using VoxDose.StoreScp.Pipeline;

namespace VoxDose.StoreScp.Cli.Exports;

/// <summary>
/// <c>voxdose exports retry [--destination NAME]</c>: failed and waiting exports become due now (their retry window
/// starts again), studies Failed on an export return to Reported; audited as an event. A running node sends them at
/// its next sweep.
/// </summary>
internal static class ExportsCommand
{
    public static Command Create()
    {
        var command = new Command("exports", "Act on the export queue.");
        var config = ConfigOption.Create();
        var destination = new Option<string?>("--destination") { Description = "Only this destination (its Name in the configuration)." };
        var retry = new Command("retry", "Send failed and waiting exports now.");
        retry.Options.Add(config);
        retry.Options.Add(destination);
        retry.SetAction(async (parseResult, ct) =>
        {
            var reader = await AuditReader.TryOpenAsync(parseResult.GetValue(config), ct).ConfigureAwait(false);
            if (reader is null) return 1;
            var name = parseResult.GetValue(destination);
            var studyUids = await reader.Exports.RequeueAsync(null, name, ct).ConfigureAwait(false);
            var resumed = 0;
            foreach (var studyUid in studyUids)
            {
                var study = await reader.Studies.GetAsync(studyUid, ct).ConfigureAwait(false);
                if (study?.State != StudyState.Failed) continue;
                var computation = await reader.Computations.GetAsync(studyUid, study.Revision, ct).ConfigureAwait(false);
                if (computation?.Status != "reported") continue;
                if (await reader.Studies.ResumeAsync(studyUid, study.Revision, StudyState.Failed, StudyState.Reported, true, ct).ConfigureAwait(false))
                    resumed++;
            }
            var scope = name is null ? "every destination" : $"destination {name}";
            await reader.Events.AddAsync("operator", "exports-retry", null, $"{scope}: exports of {studyUids.Count} studies queued now; {resumed} failed studies back to reported", ct).ConfigureAwait(false);
            Console.WriteLine($"Exports of {studyUids.Count} studies to {scope} queued now ({resumed} failed studies back to reported); the node sends them at its next sweep.");
            return 0;
        });
        command.Subcommands.Add(retry);
        return command;
    }
}
