using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Assembly;

/// <summary>
/// Every Scp:TransferHeartbeatSeconds: renews the heartbeat of this node's open associations in open_transfers and
/// deletes the rows of nodes whose heartbeat expired (each deletion audited, event transfer-expired). At start it
/// deletes the rows this node left in a previous life.
/// </summary>
public sealed class TransferHeartbeatService(ActiveTransfers transfers, EventRepository events, IOptions<VoxDoseOptions> options,
    TimeProvider time, ILogger<TransferHeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var left = await transfers.ForgetPreviousLifeAsync(stoppingToken).ConfigureAwait(false);
            if (left > 0) AssemblyLog.PreviousTransfersCleared(logger, transfers.NodeId, left);
        }
        catch (DbException e)
        {
            AssemblyLog.TransfersUnknown(logger, e.Message);
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Scp.TransferHeartbeatSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false)) await BeatAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        try
        {
            foreach (var dead in await transfers.BeatAsync(ct).ConfigureAwait(false))
            {
                AssemblyLog.TransferExpired(logger, dead.AssociationId, dead.NodeId, dead.StudyUid);
                await events.AddAsync("assembly", "transfer-expired", dead.StudyUid,
                    $"association {dead.AssociationId} on node {dead.NodeId} sent no heartbeat since {AuditTime.Format(dead.HeartbeatAt)}: taken for dead, the study no longer waits for it",
                    ct).ConfigureAwait(false);
            }
        }
        catch (DbException e)
        {
            AssemblyLog.TransfersUnknown(logger, e.Message);
        }
    }
}
