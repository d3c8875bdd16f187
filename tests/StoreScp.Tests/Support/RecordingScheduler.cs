using VoxDose.StoreScp.Scheduling;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>Records what would have been scheduled, so assembly rules are tested without Quartz and without sleeping.</summary>
public sealed class RecordingScheduler : IJobScheduler
{
    public List<(string Kind, string Key, DateTimeOffset At)> Calls { get; } = [];

    public Task ScheduleSeriesCheckAsync(string seriesUid, DateTimeOffset at, CancellationToken ct = default) => Add("series", seriesUid, at);

    public Task SchedulePipelineAsync(string studyUid, DateTimeOffset at, CancellationToken ct = default) => Add("pipeline", studyUid, at);

    public Task ScheduleExportAsync(string destination, DateTimeOffset at, CancellationToken ct = default) => Add("export", destination, at);

    /// <summary>Keys the test declares active (scheduled or running), as "Kind:key".</summary>
    public HashSet<string> Active { get; } = [];

    public Task<bool> IsActiveAsync(JobKind kind, string key, CancellationToken ct = default) => Task.FromResult(Active.Contains($"{kind}:{key}"));

    private Task Add(string kind, string key, DateTimeOffset at)
    {
        lock (Calls) Calls.Add((kind, key, at));
        return Task.CompletedTask;
    }
}
