using System.CommandLine;
using System.Text.Json;
using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Cli.Audit;

/// <summary><c>voxdose audit show STUDY_UID [--json]</c>: everything the audit holds about one study.</summary>
internal static class AuditShowCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static Command Create()
    {
        var config = ConfigOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text." };
        var study = new Argument<string>("STUDY_UID") { Description = "Study Instance UID." };
        var command = new Command("show", "Show one study: series, instances, associations, computations, exports and their attempts, events.");
        command.Options.Add(config);
        command.Options.Add(json);
        command.Arguments.Add(study);
        command.SetAction(async (parseResult, ct) =>
        {
            var reader = await AuditReader.TryOpenAsync(parseResult.GetValue(config), ct).ConfigureAwait(false);
            if (reader is null) return 1;
            var uid = parseResult.GetValue(study)!;
            var record = await reader.Studies.GetAsync(uid, ct).ConfigureAwait(false);
            if (record is null)
            {
                await Console.Error.WriteLineAsync($"No study {uid} in the audit database.").ConfigureAwait(false);
                return 1;
            }
            var exports = await reader.Exports.ForStudyAsync(uid, ct).ConfigureAwait(false);
            var attempts = new List<object>();
            foreach (var e in exports) attempts.AddRange(await reader.Exports.AttemptsAsync(e.Id, ct).ConfigureAwait(false));
            var document = new
            {
                Study = record,
                Series = await reader.Studies.SeriesAsync(uid, ct).ConfigureAwait(false),
                Instances = await reader.Instances.ForStudyAsync(uid, ct).ConfigureAwait(false),
                Associations = await reader.Associations.ForStudyAsync(uid, ct).ConfigureAwait(false),
                Computations = await reader.Computations.ForStudyAsync(uid, ct).ConfigureAwait(false),
                Exports = exports,
                ExportAttempts = attempts,
                Events = await reader.Events.ListAsync(uid, ct).ConfigureAwait(false),
            };
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(document, Indented));
                return 0;
            }
            Print($"Study {record.StudyUid}: {record.State}, revision {record.Revision}{(record.Error is null ? "" : $", error: {record.Error}")}");
            Print($"  received {record.FirstReceivedAt:u} .. {record.LastReceivedAt:u}; state since {record.StateChangedAt:u}");
            Print("Series:");
            foreach (var s in document.Series)
                Print($"  {s.SeriesUid} {s.Modality} {s.Role}: {s.ReceivedInstances}/{s.ExpectedInstances?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} instances, {(s.CompletedAt is null ? "incomplete" : $"complete {s.CompletedAt:u}")}{(s.Reason is null ? "" : $" - {s.Reason}")}");
            Print($"Instances: {document.Instances.Count} ({document.Instances.Count(i => i.Version > 1)} later versions)");
            Print("Associations:");
            foreach (var a in document.Associations)
                Print($"  #{a.Id} {a.CallingAe} -> {a.CalledAe} from {a.PeerAddress} {a.StartedAt:u}: {a.InstancesReceived} stored, {a.InstancesFailed} failed, {a.Outcome ?? "open"}{OnNode(a.Node)}");
            Print("Computations:");
            foreach (var c in document.Computations)
            {
                Print($"  revision {c.Revision}: {c.Status}, method {c.Method}, kernel {c.Kernel}, VoxDose {c.SoftwareVersion}, {c.StartedAt:u} .. {c.FinishedAt:u}{OnNode(c.Node)}{(c.Error is null ? "" : $", error: {c.Error}")}");
                foreach (var (name, mean) in ResultsSummary.MeanDoses(c.Results))
                    Print(FormattableString.Invariant($"    {name}: mean {mean:0.00} Gy"));
                if (c.OutputDir is not null) Print($"    outputs: {c.OutputDir}");
            }
            Print("Exports:");
            foreach (var e in exports)
                Print($"  {e.ObjectKind} {e.SopInstanceUid} -> {e.Destination}: {e.Status} after {e.Attempts} attempts{(e.LastError is null ? "" : $", last error: {e.LastError}")}");
            Print("Events:");
            foreach (var e in document.Events)
                Print($"  {e.At:u} {e.Component}/{e.Kind}{OnNode(e.Node)}: {e.Detail}");
            return 0;
        });
        return command;
    }

    /// <summary>Which node did it (audit schema 8 on; nothing for older rows).</summary>
    private static string OnNode(string? node) => node is null ? "" : $", node {node}";

    /// <summary>One line of the listing: names and errors come from files and the network, so control characters are escaped.</summary>
    private static void Print(string line) => Console.WriteLine(LogText.Escape(line));
}
