using Microsoft.Extensions.Logging;
using Quartz;
using VoxDose.StoreScp.Scheduling;

namespace VoxDose.StoreScp.Pipeline;

/// <summary>Runs the pipeline of one study; one job per study, never twice at once for the same study.</summary>
[DisallowConcurrentExecution]
public sealed class PipelineJob(StudyPipeline pipeline, ILogger<PipelineJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var studyUid = context.MergedJobDataMap.GetString(QuartzJobScheduler.KeyData)!;
        try
        {
            await pipeline.RunAsync(studyUid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The study stays in its last persisted state; the next start (or new input) resumes it.
            PipelineLog.Unexpected(logger, studyUid, e);
        }
    }
}
