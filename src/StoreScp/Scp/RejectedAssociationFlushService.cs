using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Scp;

/// <summary>Writes the counts of closed rejection windows every Scp:RejectionAuditSeconds, and all of them when the node stops.</summary>
public sealed class RejectedAssociationFlushService(RejectedAssociationAudit audit, IOptions<VoxDoseOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Scp.RejectionAuditSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                await audit.FlushAsync(all: false, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await audit.FlushAsync(all: true, cancellationToken).ConfigureAwait(false);
    }
}
