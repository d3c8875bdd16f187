using System.Diagnostics;
using VoxDose.StoreScp.Phantom;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Node.Cluster;

/// <summary>
/// Issue 15's rolling restart: the three nodes of a cluster are restarted one after the other (SIGTERM, as
/// <c>systemctl restart</c> does, then started again) while studies keep arriving. A sender that finds its node gone
/// sends the study again to another one, as it would through the load balancer. Nothing may be lost: every study is
/// computed once and its RT Dose, SR and PDF reach the destination.
/// </summary>
[Collection("cluster")]
public sealed class ClusterRollingRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_rolling_restart_of_the_three_nodes_while_studies_arrive_loses_nothing()
    {
        var watch = Stopwatch.StartNew();
        // Number of Slices completes each series; the long quiet period keeps a transfer cut by a restart from being
        // computed on part of its slices before the sender has sent it again.
        await using var cluster = await ClusterHarness.StartAsync(output, settings: new Dictionary<string, string> { ["VoxDose__Processing__SeriesQuietSeconds"] = "120" });
        const int count = 12;
        var studies = Enumerable.Range(0, count).Select(i => ClusterHarness.Phantom(Path.Combine(cluster.Work, "studies", $"{i:00}"), i, ClusterHarness.SmallStudy)).ToList();

        var resends = 0;
        var sender = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                resends += await SendToAnyNodeAsync(cluster, i, [studies[i].RtStructFile, .. studies[i].PetFiles]);
                await Task.Delay(400);
            }
        });
        // One node after the other, while the sender goes on: stopped (it must exit 0 within the grace period), then
        // started again with the same settings (same node id) and waited for.
        foreach (var node in cluster.Nodes)
        {
            await Task.Delay(1200);
            node.Stop(TimeSpan.FromSeconds(60));
            output.WriteLine($"node {node.Index} stopped at {watch.Elapsed.TotalSeconds:0.0} s");
            await node.StartAsync();
            output.WriteLine($"node {node.Index} back at {watch.Elapsed.TotalSeconds:0.0} s");
        }
        await sender;
        output.WriteLine($"{count} studies sent after {watch.Elapsed.TotalSeconds:0.0} s ({resends} studies sent again after a node went away)");

        var uids = studies.Select(s => s.Identity.StudyInstanceUid).ToList();
        await ClusterHarness.WaitUntilAsync(async () => await cluster.CountAsync("SELECT count(*) FROM studies WHERE state = 'exported'") == count,
            TimeSpan.FromSeconds(120), $"{count} studies exported");
        output.WriteLine($"{count} studies exported after {watch.Elapsed.TotalSeconds:0.0} s");

        // Every study once, on all of its slices, computed once.
        var computations = await cluster.QueryAsync("SELECT study_uid, revision, status FROM computations");
        Assert.Equal(uids.Order(), computations.Select(c => (string)c[0]!).Order());
        Assert.All(computations, c => Assert.Equal(1L, Convert.ToInt64(c[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(count * (ClusterHarness.SmallStudy.Slices + 1), await cluster.CountAsync("SELECT count(DISTINCT sop_instance_uid) FROM instances"));
        Assert.Equal(0, await cluster.CountAsync("SELECT count(*) FROM studies WHERE state <> 'exported'"));

        // Each study's RT Dose, SR and PDF at the destination: three objects each, nothing missing. A graceful stop
        // lets an export in flight finish, so no object arrives twice either.
        var deliveries = cluster.Destination.Deliveries;
        foreach (var uid in uids)
        {
            var mine = deliveries.Where(d => d.StudyUid == uid).ToList();
            Assert.Equal(["pdf", "rtdose", "sr"], mine.Select(d => ClusterDestination.KindOf(d.SopClassUid)).Distinct().Order());
            Assert.Equal(3, mine.Select(d => d.SopInstanceUid).Distinct().Count());
        }
        output.WriteLine($"deliveries: {deliveries.Count} for {count * 3} objects");
        Assert.All(cluster.Nodes, n => Assert.Contains("stopped with SIGTERM (exit 0)", n.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_stopped_with_sigterm_during_a_computation_exits_0_and_a_survivor_finishes_it()
    {
        // Regression: `serve` was ended with exit 143 two seconds after SIGTERM (System.CommandLine's default process
        // termination timeout), cutting a graceful stop short while a computation was being handed back.
        await using var cluster = await ClusterHarness.StartAsync(output, nodeCount: 2,
            settings: new Dictionary<string, string> { ["VoxDose__Processing__DoseGridMm"] = "2" });
        var study = ClusterHarness.Phantom(Path.Combine(cluster.Work, "study"), 3, new PhantomSpec { Slices = 60 });
        ClusterHarness.WithoutNumberOfSlices(study);
        await cluster.SendAsync(0, [study.RtStructFile, .. study.PetFiles]);
        var uid = study.Identity.StudyInstanceUid;
        var stopped = await cluster.NodeComputingAsync(uid, TimeSpan.FromSeconds(60));
        var watch = Stopwatch.StartNew();
        stopped.Stop(TimeSpan.FromSeconds(55));
        output.WriteLine($"node {stopped.Index} stopped (exit 0) {watch.Elapsed.TotalSeconds:0.0} s after SIGTERM");

        // Handed back at the stop, so the other node takes it at once (not after a sweeper period of 60 s and more).
        try
        {
            await ClusterHarness.WaitUntilAsync(async () => await cluster.CountAsync("SELECT count(*) FROM studies WHERE study_uid = @s AND state = 'exported'", ("s", uid)) == 1,
                TimeSpan.FromSeconds(50), "the study exported by the other node");
        }
        catch (TimeoutException)
        {
            foreach (var query in new[] { "SELECT state, revision FROM studies", "SELECT trigger_name, trigger_state, next_fire_time FROM qrtz_triggers", "SELECT instance_name, state, job_name FROM qrtz_fired_triggers" })
                foreach (var row in await cluster.QueryAsync(query)) output.WriteLine(query + " => " + string.Join(" | ", row));
            throw;
        }
        var survivor = (string)(await cluster.QueryAsync("SELECT node FROM computations WHERE study_uid = @s", ("s", uid)))[0][0]!;
        Assert.NotEqual(stopped.NodeId, survivor);
        var deliveries = cluster.Destination.Deliveries.Where(d => d.StudyUid == uid).ToList();
        Assert.Equal(["pdf", "rtdose", "sr"], deliveries.Select(d => ClusterDestination.KindOf(d.SopClassUid)).Order());
    }

    /// <summary>
    /// Sends a study in one association to the next running node; when the node goes away mid-transfer (refused, aborted,
    /// an instance not acknowledged) the whole study goes to the next node. Returns how many times it was sent again.
    /// </summary>
    private static async Task<int> SendToAnyNodeAsync(ClusterHarness cluster, int study, IReadOnlyList<string> files)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await cluster.TrySendAsync((study + attempt) % cluster.Nodes.Count, files)).All(r => r.Succeeded)) return attempt;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or VoxDose.Dicom.Network.DicomNetworkException or TimeoutException)
            {
                // The node stopped under the sender: send again elsewhere, as a sender behind the load balancer would.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"study {study} could not be delivered to any node");
            await Task.Delay(200);
        }
    }
}
