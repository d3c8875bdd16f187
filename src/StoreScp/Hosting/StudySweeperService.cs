using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Hosting;

/// <summary>Runs <see cref="StudySweeper"/> every Processing:SweepSeconds on the injected clock.</summary>
public sealed class StudySweeperService(StudySweeper sweeper, IOptions<VoxDoseOptions> options, TimeProvider time,
    ILogger<StudySweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Processing.SweepSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException)
            {
                HostLog.SweepFailed(logger, e); // the next pass tries again
            }
        }
    }
}
