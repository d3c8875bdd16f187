using System.CommandLine;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Cli.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Pipeline;

namespace VoxDose.StoreScp.Cli.Studies;

/// <summary>
/// <c>voxdose studies retry UID</c> and <c>voxdose studies reprocess UID [--method vsv|ldm]</c>: operator actions on
/// the audit database, audited as events. A running node picks the study up at its next sweep (Processing:SweepSeconds),
/// a stopped node at its next start.
/// </summary>
internal static class StudiesCommand
{
    public static Command Create()
    {
        var command = new Command("studies", "Act on a study: retry a failed one, or compute it again as a new revision.");
        command.Subcommands.Add(Retry());
        command.Subcommands.Add(Reprocess());
        return command;
    }

    private static Command Retry()
    {
        var config = ConfigOption.Create();
        var uid = new Argument<string>("study-uid") { Description = "Study Instance UID of a Failed study." };
        var command = new Command("retry", "Retry a Failed study now, from where its stored work allows (no recomputation when results are stored).");
        command.Options.Add(config);
        command.Arguments.Add(uid);
        command.SetAction(async (parseResult, ct) =>
        {
            var studyUid = parseResult.GetValue(uid)!;
            var (reader, study, error) = await OpenStudyAsync(parseResult.GetValue(config), studyUid, ct).ConfigureAwait(false);
            if (reader is null || study is null) return error;
            if (study.State != StudyState.Failed)
                return await ErrorAsync($"study {studyUid} is {study.State.ToText()}, not failed; use 'voxdose studies reprocess' to compute it again").ConfigureAwait(false);
            var to = await StudyResumption.ResumeAsync(study, reader.Studies, reader.Computations, reader.Exports, true, ct).ConfigureAwait(false);
            if (to is null) return await ErrorAsync($"study {studyUid} changed state meanwhile; look again with 'voxdose audit show'").ConfigureAwait(false);
            await reader.Events.AddAsync("operator", "retry", studyUid, $"revision {study.Revision}: retry requested ({study.Error}); resuming at {to.Value.ToText()}", ct).ConfigureAwait(false);
            Console.WriteLine($"Study {studyUid} revision {study.Revision}: failed -> {to.Value.ToText()}; the node resumes it at its next sweep.");
            return 0;
        });
        return command;
    }

    private static Command Reprocess()
    {
        var config = ConfigOption.Create();
        var uid = new Argument<string>("study-uid") { Description = "Study Instance UID." };
        var method = new Option<DoseMethodOption?>("--method") { Description = "Dose method of the new revision (vsv or ldm); default: the node's Processing:Method." };
        var command = new Command("reprocess", "Compute a finished study again as a new revision (new RT Dose, SR and PDF that supersede the previous ones).");
        command.Options.Add(config);
        command.Options.Add(method);
        command.Arguments.Add(uid);
        command.SetAction(async (parseResult, ct) =>
        {
            var studyUid = parseResult.GetValue(uid)!;
            var (reader, study, error) = await OpenStudyAsync(parseResult.GetValue(config), studyUid, ct).ConfigureAwait(false);
            if (reader is null || study is null) return error;
            var requested = parseResult.GetValue(method);
            var revision = await reader.Studies.NewRevisionAsync(studyUid, requested?.ToString().ToLowerInvariant(), ct).ConfigureAwait(false);
            if (revision is null)
                return await ErrorAsync($"study {studyUid} is {study.State.ToText()}: only a finished study with a complete Y-90 PET series can be reprocessed").ConfigureAwait(false);
            await reader.Events.AddAsync("operator", "reprocess", studyUid,
                $"revision {revision} requested (method {requested?.ToString().ToLowerInvariant() ?? "from the node's configuration"})", ct).ConfigureAwait(false);
            Console.WriteLine($"Study {studyUid}: revision {revision} assembled; the node computes it at its next sweep.");
            return 0;
        });
        return command;
    }

    /// <summary>The audit database and the study the verb names; exit code 1 (with the message written) when either is missing.</summary>
    private static async Task<(AuditReader? Reader, StudyRecord? Study, int Error)> OpenStudyAsync(string? configFile, string studyUid, CancellationToken ct)
    {
        var reader = await AuditReader.TryOpenAsync(configFile, ct).ConfigureAwait(false);
        if (reader is null) return (null, null, 1);
        var study = await reader.Studies.GetAsync(studyUid, ct).ConfigureAwait(false);
        if (study is null) return (reader, null, await ErrorAsync($"no study {studyUid} in the audit database").ConfigureAwait(false));
        return (reader, study, 0);
    }

    private static async Task<int> ErrorAsync(string message)
    {
        await Console.Error.WriteLineAsync($"voxdose studies: {message}").ConfigureAwait(false);
        return 1;
    }
}
