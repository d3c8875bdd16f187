using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Pipeline;

namespace VoxDose.StoreScp.Jobs;

/// <summary>
/// Runs the pipeline of one study; one job per study, never twice at once for the same study. Stopping the node
/// cancels a computation in progress: the study stays in its last persisted state and resumes at the next start.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PipelineJob(StudyPipeline pipeline, IHostApplicationLifetime lifetime, ILogger<PipelineJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var studyUid = context.MergedJobDataMap.GetString(QuartzJobScheduler.KeyData)!;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await pipeline.RunAsync(studyUid, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Node stopping: the study resumes from its persisted state at the next start.
        }
        catch (Exception e)
        {
            // The study stays in its last persisted state; the next start (or new input) resumes it.
            PipelineLog.Unexpected(logger, studyUid, e);
        }
    }
}
