namespace VoxDose.StoreScp.Scheduling;

/// <summary>
/// Timers of the node. Each job only carries a key (series, study or destination); what to do is read from the
/// audit database when it fires, so a lost timer is re-armed from the database at start.
/// </summary>
public interface IJobScheduler
{
    Task ScheduleSeriesCheckAsync(string seriesUid, DateTimeOffset at, CancellationToken ct = default);

    Task SchedulePipelineAsync(string studyUid, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Schedules the export job of a destination at <paramref name="at"/>, unless it is already due sooner.</summary>
    Task ScheduleExportAsync(string destination, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>True when a job of this kind and key is scheduled or running (the sweeper leaves such work alone).</summary>
    Task<bool> IsActiveAsync(JobKind kind, string key, CancellationToken ct = default);

    /// <summary>
    /// True when a trigger of this job has not fired yet and is due at or before <paramref name="by"/>: scheduling it at
    /// <paramref name="by"/> would change nothing, and the job, when it runs, reads everything committed before this
    /// call. False when unknown (the default): the caller does its full check.
    /// </summary>
    Task<bool> IsArmedAsync(JobKind kind, string key, DateTimeOffset by, CancellationToken ct = default) => Task.FromResult(false);
}

/// <summary>The node's kinds of timer.</summary>
public enum JobKind
{
    SeriesCheck,
    Pipeline,
    Export,
}
