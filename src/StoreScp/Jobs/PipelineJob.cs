using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Pipeline;

namespace VoxDose.StoreScp.Jobs;

/// <summary>
/// Runs the pipeline of one study; one job per study, never twice at once for the same study. Stopping the node
/// cancels a computation in progress: the study stays in its last persisted state and its job is scheduled again at
/// once, which another node of a cluster picks up (a single node re-arms it from the audit database at its next start).
/// </summary>
[DisallowConcurrentExecution]
public sealed class PipelineJob(StudyPipeline pipeline, IJobScheduler scheduler, TimeProvider time, IHostApplicationLifetime lifetime,
    RunningPipelines running, ILogger<PipelineJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var studyUid = context.MergedJobDataMap.GetString(QuartzJobScheduler.KeyData)!;
        using var counted = running.Enter();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await pipeline.RunAsync(studyUid, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Node stopping: hand the study back to the scheduler (a clustered store keeps the trigger for the other nodes).
            try
            {
                await scheduler.SchedulePipelineAsync(studyUid, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                PipelineLog.HandedBack(logger, studyUid);
            }
            catch (SchedulerException e)
            {
                // An in-memory scheduler shutting down: RecoveryService re-arms the study at the next start.
                PipelineLog.NotHandedBack(logger, studyUid, e.Message);
            }
        }
        catch (Exception e)
        {
            // The study stays in its last persisted state; the next start (or new input) resumes it.
            PipelineLog.Unexpected(logger, studyUid, e);
        }
    }
}
