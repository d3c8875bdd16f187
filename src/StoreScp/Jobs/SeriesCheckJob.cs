using Quartz;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Assembly;

namespace VoxDose.StoreScp.Jobs;

/// <summary>Fires at the end of a series' quiet period.</summary>
[DisallowConcurrentExecution]
public sealed class SeriesCheckJob(StudyAssembler assembler) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await assembler.CheckSeriesAsync(context.MergedJobDataMap.GetString(QuartzJobScheduler.KeyData)!, cancellationToken).ConfigureAwait(false);
}
