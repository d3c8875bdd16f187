using Quartz;
using VoxDose.StoreScp.Scheduling;

namespace VoxDose.StoreScp.Export;

/// <summary>Drains one destination's queue; one job per destination, never twice at once.</summary>
[DisallowConcurrentExecution]
public sealed class ExportJob(ExportWorker worker) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await worker.RunAsync(context.MergedJobDataMap.GetString(QuartzJobScheduler.KeyData)!, cancellationToken).ConfigureAwait(false);
}
