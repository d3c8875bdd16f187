using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Telemetry;

namespace VoxDose.StoreScp.Export;

/// <summary>
/// Drains the due part of one destination's queue: one association per batch, every attempt recorded, failures
/// rescheduled on the retry schedule, then the destination's job re-armed at the next due time.
/// </summary>
public sealed class ExportWorker(ExportRepository exports, NodeMeter meter, IDicomSender sender, IJobScheduler scheduler, IOptions<VoxDoseOptions> options, TimeProvider time, ILogger<ExportWorker> logger)
{
    public const int BatchSize = 64;

    public async Task RunAsync(string destinationName, CancellationToken ct)
    {
        var destination = options.Value.Destinations.FirstOrDefault(d => string.Equals(d.Name, destinationName, StringComparison.OrdinalIgnoreCase));
        if (destination is null)
        {
            ExportLog.UnknownDestination(logger, destinationName);
            return;
        }
        var schedule = RetrySchedule.From(options.Value.Export);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var due = await exports.DueAsync(destination.Name, time.GetUtcNow(), BatchSize, ct).ConfigureAwait(false);
            if (due.Count == 0) break;
            ExportLog.Sending(logger, due.Count, destination.Name);
            var results = await sender.SendAsync(destination, options.Value.Export.CallingAeTitle, due.Select(d => d.Path).ToList(),
                TimeSpan.FromSeconds(options.Value.Export.AssociationTimeoutSeconds), ct).ConfigureAwait(false);
            var sent = 0;
            var batchTime = time.GetUtcNow(); // one time for the batch, so its failures stay due together (one association next time too)
            for (var i = 0; i < due.Count; i++)
            {
                var row = due[i];
                var result = i < results.Count ? results[i] : new SendResult(row.Path, false, null, "no result from the sender");
                touched.Add(row.StudyUid);
                meter.ExportAttempts.Add(1, new KeyValuePair<string, object?>("destination", destination.Name),
                    new KeyValuePair<string, object?>("outcome", result.Success ? "sent" : "failed"));
                if (result.Success)
                {
                    sent++;
                    await exports.RecordAttemptAsync(row.Id, true, result.DicomStatus, null, null, ct).ConfigureAwait(false);
                    continue;
                }
                var next = schedule.NextAttempt(row.Attempts + 1, row.CreatedAt, batchTime);
                await exports.RecordAttemptAsync(row.Id, false, result.DicomStatus, result.Error, next, ct).ConfigureAwait(false);
                if (next is null) ExportLog.GaveUp(logger, row.Id, destination.Name, row.Attempts + 1, result.Error);
                else ExportLog.Retry(logger, row.Id, destination.Name, row.Attempts + 1, result.Error, next.Value);
            }
            ExportLog.Sent(logger, destination.Name, sent, due.Count);
            if (sent == 0) break; // destination down: wait for the schedule rather than spin
        }
        foreach (var studyUid in touched)
            await scheduler.SchedulePipelineAsync(studyUid, time.GetUtcNow(), ct).ConfigureAwait(false); // Reported -> Exported or Failed
        var nextDue = await exports.NextDueAsync(destination.Name, ct).ConfigureAwait(false);
        if (nextDue is not null)
            await scheduler.ScheduleExportAsync(destination.Name, nextDue.Value, ct).ConfigureAwait(false);
    }
}
