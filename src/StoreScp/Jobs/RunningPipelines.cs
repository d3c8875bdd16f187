using Microsoft.Extensions.Hosting;
using Quartz;

namespace VoxDose.StoreScp.Jobs;

/// <summary>
/// The pipeline jobs running on this node. A stop waits for them (<see cref="PipelineDrainService"/>) before the
/// scheduler shuts down, so a computation cancelled by the stop can still hand its study back to the scheduler, and in a
/// cluster another node takes it at once. Regression: the cancelled job found the scheduler already shut down, and
/// the study waited for another node's sweeper.
/// </summary>
public sealed class RunningPipelines
{
    private readonly Lock _lock = new();
    private int _running;
    private TaskCompletionSource _idle = Completed();

    /// <summary>Counts a job in until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_lock)
        {
            if (_running++ == 0) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return new Scope(this);
    }

    /// <summary>Completes when no pipeline job is running.</summary>
    public Task WhenIdle
    {
        get { lock (_lock) return _idle.Task; }
    }

    private void Leave()
    {
        lock (_lock)
        {
            if (--_running == 0) _idle.TrySetResult();
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    private sealed class Scope(RunningPipelines owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Leave();
        }
    }
}

/// <summary>
/// Registered after the Quartz hosted service, so it stops before it: puts this node's scheduler in standby (it fires
/// nothing more, so a study handed back goes to another node, or waits in the store), then waits (within the host's
/// shutdown timeout) for the running pipeline jobs, which the stop has cancelled, to hand their studies back while the
/// scheduler still runs.
/// </summary>
public sealed class PipelineDrainService(ISchedulerFactory schedulers, RunningPipelines running) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            await scheduler.Standby(cancellationToken).ConfigureAwait(false);
            await running.WhenIdle.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown timeout: the scheduler stops anyway; the sweeper or recovery resumes what was not handed back.
        }
    }
}
