using Microsoft.Extensions.Logging.Abstractions;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Tests.Support;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>Re-arming pending work at start, on a recording scheduler: what it schedules, and what it leaves to another node.</summary>
public class RecoveryServiceTests
{
    private static RecoveryService Recovery(IngestRig rig) => new(rig.Studies, new ExportRepository(rig.Database, rig.Time), rig.Assembler,
        rig.Scheduler, rig.Time, NullLogger<RecoveryService>.Instance);

    [Fact]
    public async Task A_starting_node_re_arms_a_pending_study_but_leaves_one_whose_job_another_node_holds()
    {
        var rig = await IngestRig.CreateAsync();
        for (var i = 1; i <= 3; i++) await rig.SendAsync(IngestRig.Pet(i)); // assembled
        rig.Scheduler.Calls.Clear();
        await Recovery(rig).StartAsync(CancellationToken.None);
        Assert.Equal(rig.Time.GetUtcNow(), Assert.Single(rig.Scheduled("pipeline")).At); // a single node: its timer is rebuilt

        // Was: in a cluster, every node starting scheduled every pending study's pipeline for now, moving (and with
        // Replace, overwriting) the trigger another node held, or re-running a computation another node was doing.
        rig.Scheduler.Active.Add($"{JobKind.Pipeline}:{IngestRig.Study}");
        rig.Scheduler.Calls.Clear();
        await Recovery(rig).StartAsync(CancellationToken.None);
        Assert.Empty(rig.Scheduler.Calls);
    }
}
