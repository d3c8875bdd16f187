using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Assembly;

/// <summary>
/// Open transfers are known cluster-wide (table open_transfers): a study waits for an association still sending it on
/// any node, and the transfers of a node that died stop counting once their heartbeat expires.
/// </summary>
public class OpenTransfersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The open transfers of a node named <paramref name="nodeId"/> on <paramref name="database"/> (another node of the cluster).</summary>
    internal static ActiveTransfers Node(AuditDatabase database, string nodeId, TimeProvider time, double heartbeatSeconds = 10, double expirySeconds = 45) =>
        new(new OpenTransferRepository(database), Options.Create(new VoxDoseOptions
        {
            Scheduler = new SchedulerOptions { InstanceId = nodeId },
            Scp = new ScpOptions { TransferHeartbeatSeconds = heartbeatSeconds, TransferExpirySeconds = expirySeconds },
        }), time, NullLogger<ActiveTransfers>.Instance);

    [Fact]
    public async Task A_transfer_open_on_one_node_is_seen_by_another_until_the_association_closes()
    {
        var database = await TestDatabase.CreateSqliteAsync();
        var clock = new ManualTimeProvider(T0);
        var a = Node(database, "node-a", clock);
        var b = Node(database, "node-b", clock);
        var association = new object();

        await b.ReceivedAsync(association, 7, "1.2.3");
        await b.ReceivedAsync(association, 7, "1.2.3"); // the second instance of the study writes nothing new
        await b.ReceivedAsync(association, 7, "1.2.4");

        Assert.True(await a.IsReceivingAsync("1.2.3"));
        Assert.True(await a.IsReceivingAsync("1.2.4"));
        Assert.False(await a.IsReceivingAsync("1.2.5"));
        var rows = await new OpenTransferRepository(database).ListAsync();
        Assert.Equal([(7L, "1.2.3", "node-b"), (7L, "1.2.4", "node-b")], rows.Select(r => (r.AssociationId, r.StudyUid, r.NodeId)).Order());

        Assert.Equal(["1.2.3", "1.2.4"], (await b.ClosedAsync(association)).Order());
        Assert.False(await a.IsReceivingAsync("1.2.3"));
        Assert.Empty(await new OpenTransferRepository(database).ListAsync());
    }

    [Fact]
    public async Task The_heartbeat_keeps_a_long_transfer_open_and_a_dead_nodes_transfer_expires_and_is_deleted()
    {
        var database = await TestDatabase.CreateSqliteAsync();
        var clock = new ManualTimeProvider(T0);
        var a = Node(database, "node-a", clock, heartbeatSeconds: 10, expirySeconds: 45);
        var b = Node(database, "node-b", clock, heartbeatSeconds: 10, expirySeconds: 45);
        var dead = Node(database, "node-c", clock, heartbeatSeconds: 10, expirySeconds: 45);
        await b.ReceivedAsync(new object(), 1, "1.2.3");
        await dead.ReceivedAsync(new object(), 2, "1.2.9");

        // Node b beats every 10 s for two minutes; node c died at T0 and never beats again.
        for (var s = 0; s < 120; s += 10)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.DoesNotContain(await b.BeatAsync(), t => t.NodeId == "node-b");
        }
        Assert.True(await a.IsReceivingAsync("1.2.3"));
        Assert.False(await a.IsReceivingAsync("1.2.9")); // 120 s without heartbeat > 45 s
        var left = await new OpenTransferRepository(database).ListAsync();
        Assert.Equal(["node-b"], left.Select(r => r.NodeId)); // deleted by node b's beat
        Assert.Equal(T0 + TimeSpan.FromSeconds(120), left[0].HeartbeatAt);
    }

    [Fact]
    public async Task Just_inside_the_expiry_a_silent_transfer_still_counts_and_just_past_it_does_not()
    {
        var database = await TestDatabase.CreateSqliteAsync();
        var clock = new ManualTimeProvider(T0);
        var a = Node(database, "node-a", clock, expirySeconds: 30);
        await Node(database, "node-b", clock).ReceivedAsync(new object(), 3, "1.2.3");
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await a.IsReceivingAsync("1.2.3"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await a.IsReceivingAsync("1.2.3"));
    }

    [Fact]
    public async Task A_node_restarting_under_the_same_id_clears_the_rows_of_its_previous_life()
    {
        var database = await TestDatabase.CreateSqliteAsync();
        var clock = new ManualTimeProvider(T0);
        await Node(database, "node-b", clock).ReceivedAsync(new object(), 4, "1.2.3"); // then killed -9: never closed
        await Node(database, "node-a", clock).ReceivedAsync(new object(), 5, "1.2.3");
        Assert.Equal(1, await Node(database, "node-b", clock).ForgetPreviousLifeAsync());
        Assert.Equal(["node-a"], (await new OpenTransferRepository(database).ListAsync()).Select(r => r.NodeId));
    }

    [Fact]
    public void Auto_instance_id_names_the_node_by_host_and_dicom_port_and_a_configured_one_is_used_as_is()
    {
        Assert.Equal($"{System.Net.Dns.GetHostName()}:11113",
            new SchedulerOptions().NodeId(11113));
        Assert.Equal("voxdose-2", new SchedulerOptions { InstanceId = " voxdose-2 " }.NodeId(11113));
    }

    [Fact]
    public async Task A_transfer_open_on_node_B_makes_the_pipeline_on_node_A_wait()
    {
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var processor = new FakeProcessor();
        await using var nodeA = await NodeHarness.StartAsync(root, processor, new FlakySender { Up = true }, quietSeconds: 60);
        var nodeB = Node(nodeA.Host.Services.GetRequiredService<AuditDatabase>(), "node-b", TimeProvider.System);
        var association = new object();
        await nodeB.ReceivedAsync(association, 42, IngestRig.Study); // node B is receiving the study (its RTSTRUCT may follow)

        for (var i = 1; i <= 3; i++) await nodeA.SendAsync(root, IngestRig.Pet(i)); // the PET complete on node A
        await nodeA.WaitForStateAsync(IngestRig.Study, StudyState.Assembled);
        await Task.Delay(1500);
        Assert.Equal(0, processor.ComputeCalls); // waiting for node B's association, not computing without the RTSTRUCT
        Assert.Equal(StudyState.Assembled, (await nodeA.Studies.GetAsync(IngestRig.Study))!.State);

        // Node B's association closes: its row goes, and it schedules the pipeline (through the shared job store).
        await nodeB.ClosedAsync(association);
        await nodeA.Host.Services.GetRequiredService<IJobScheduler>().SchedulePipelineAsync(IngestRig.Study, DateTimeOffset.UtcNow);
        var study = await nodeA.WaitForStateAsync(IngestRig.Study, StudyState.Exported);
        Assert.Equal((1L, 1), (study.Revision, processor.ComputeCalls));
    }

    [Fact]
    public async Task An_expired_heartbeat_of_a_dead_node_does_not_block()
    {
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var processor = new FakeProcessor();
        await using var nodeA = await NodeHarness.StartAsync(root, processor, new FlakySender { Up = true }, quietSeconds: 60, extra: new()
        {
            ["VoxDose:Scp:TransferHeartbeatSeconds"] = "0.2",
            ["VoxDose:Scp:TransferExpirySeconds"] = "2",
        });
        var database = nodeA.Host.Services.GetRequiredService<AuditDatabase>();
        // Node B was receiving the study and was killed 10 s ago: its heartbeat stopped then.
        var past = new ManualTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(10));
        await Node(database, "node-b", past).ReceivedAsync(new object(), 43, IngestRig.Study);

        var started = DateTime.UtcNow;
        for (var i = 1; i <= 3; i++) await nodeA.SendAsync(root, IngestRig.Pet(i));
        var study = await nodeA.WaitForStateAsync(IngestRig.Study, StudyState.Exported, TimeSpan.FromSeconds(30));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "computed without waiting the 60 s quiet period for the dead node");
        Assert.Equal((1L, 1), (study.Revision, processor.ComputeCalls));

        // Node A's heartbeat service deleted the dead row, and said so in the audit.
        var expired = await nodeA.WaitForEventAsync(IngestRig.Study, "transfer-expired");
        Assert.Contains("association 43 on node node-b", expired.Detail, StringComparison.Ordinal);
        Assert.Empty(await new OpenTransferRepository(database).ListAsync());
    }
}
