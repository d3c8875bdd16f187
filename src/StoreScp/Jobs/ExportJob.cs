using Microsoft.Extensions.Hosting;
using Quartz;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Export;

namespace VoxDose.StoreScp.Jobs;

/// <summary>Drains one destination's queue; one job per destination, never twice at once.</summary>
[DisallowConcurrentExecution]
public sealed class ExportJob(ExportWorker worker, IHostApplicationLifetime lifetime) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await worker.RunAsync(context.MergedJobDataMap.GetString(QuartzJobScheduler.KeyData)!, linked.Token).ConfigureAwait(false);
    }
}
