using System.Diagnostics;
using VoxDose.Dicom;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Node.Cluster;

/// <summary>
/// Issue 15's acceptance on a real three-node cluster (<see cref="ClusterHarness"/>: PostgreSQL, three
/// <c>voxdose serve</c> processes, one shared storage root, one destination): work spread over the nodes is done
/// exactly once, and the work of a node killed with -9 is finished by a survivor.
/// </summary>
[Collection("cluster")]
public sealed class ClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Thirty_studies_spread_over_three_nodes_are_each_computed_once_and_delivered_once()
    {
        var watch = Stopwatch.StartNew();
        // Number of Slices completes each series; the quiet period is long so that a slow transfer on a loaded machine
        // is never cut into two revisions (that would be two computations, rightly).
        await using var cluster = await ClusterHarness.StartAsync(output, settings: new Dictionary<string, string> { ["VoxDose__Processing__SeriesQuietSeconds"] = "120" });
        output.WriteLine($"cluster up after {watch.Elapsed.TotalSeconds:0.0} s");
        var studies = Enumerable.Range(0, 30).Select(i => ClusterHarness.Phantom(Path.Combine(cluster.Work, "studies", $"{i:00}"), i, ClusterHarness.SmallStudy)).ToList();
        // The contours first (so that every study is computed once, with them), then each study's PET slices dealt
        // round-robin over the three nodes: every study is assembled from instances that three nodes received.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(n =>
            cluster.SendAsync(n, studies.Where((_, s) => s % 3 == n).Select(s => s.RtStructFile))));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(n =>
            cluster.SendAsync(n, studies.SelectMany((s, si) => s.PetFiles.Where((_, i) => (si + i) % 3 == n)))));
        output.WriteLine($"30 studies sent after {watch.Elapsed.TotalSeconds:0.0} s");

        await ClusterHarness.WaitUntilAsync(async () => await cluster.CountAsync("SELECT count(*) FROM studies WHERE state = 'exported'") == 30,
            TimeSpan.FromSeconds(150), "30 studies exported"); // a ceiling for a loaded machine: about 40 s when quiet-ish (load 15)
        output.WriteLine($"30 studies exported after {watch.Elapsed.TotalSeconds:0.0} s");

        // Exactly 30 computations: one audit row per study, and 30 computation starts in the three nodes' logs together
        // (a second computation of a revision would re-use its row, but not its log line).
        var computations = await cluster.QueryAsync("SELECT study_uid, revision, node, status FROM computations");
        Assert.Equal(30, computations.Count);
        Assert.Equal(studies.Select(s => s.Identity.StudyInstanceUid).Order(), computations.Select(c => (string)c[0]!).Order());
        Assert.All(computations, c => Assert.Equal(1L, Convert.ToInt64(c[1], System.Globalization.CultureInfo.InvariantCulture)));
        var nodeIds = cluster.Nodes.Select(n => n.NodeId).ToHashSet();
        Assert.All(computations, c => Assert.Contains((string)c[2]!, nodeIds));
        Assert.Equal(30, cluster.Nodes.Sum(n => CountOf(n.Output, "Computing study ")));
        output.WriteLine("computations per node: " + string.Join(", ", computations.GroupBy(c => (string)c[2]!).Select(g => $"{g.Key} {g.Count()}")));

        // The instances did reach all three nodes (association rows name the node that accepted them).
        Assert.Equal(nodeIds, (await cluster.QueryAsync("SELECT DISTINCT node FROM associations")).Select(r => (string)r[0]!).ToHashSet());

        // One RT Dose, one SR and one PDF per study at the destination, nothing twice.
        var deliveries = cluster.Destination.Deliveries;
        Assert.Equal(90, deliveries.Count);
        Assert.Equal(90, deliveries.Select(d => d.SopInstanceUid).Distinct().Count());
        foreach (var study in studies)
        {
            var kinds = deliveries.Where(d => d.StudyUid == study.Identity.StudyInstanceUid).Select(d => ClusterDestination.KindOf(d.SopClassUid)).Order();
            Assert.Equal(["pdf", "rtdose", "sr"], kinds);
        }
        Assert.Equal(90, await cluster.CountAsync("SELECT count(*) FROM export_attempts WHERE status = 'success' AND node IS NOT NULL"));
    }

    [Fact]
    public async Task A_node_killed_during_a_computation_has_it_finished_by_a_survivor_and_one_rt_dose_arrives()
    {
        await using var cluster = await ClusterHarness.StartAsync(output, settings: new Dictionary<string, string> { ["VoxDose__Processing__DoseGridMm"] = "2" });
        // Without Number of Slices: the series completes when the quiet period has passed, on whichever node's timer fires.
        var study = ClusterHarness.Phantom(Path.Combine(cluster.Work, "study"), 1, new PhantomSpec { Slices = 60 });
        ClusterHarness.WithoutNumberOfSlices(study);
        await cluster.SendAsync(0, [study.RtStructFile]);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(n => cluster.SendAsync(n, study.PetFiles.Where((_, i) => i % 3 == n))));

        var uid = study.Identity.StudyInstanceUid;
        var victim = await cluster.NodeComputingAsync(uid, TimeSpan.FromSeconds(45));
        victim.Kill();
        var killedAt = Stopwatch.StartNew();
        output.WriteLine($"killed node {victim.Index} ({victim.NodeId}) during the computation");

        // A survivor starts the computation again within Quartz's failure detection (check-in interval plus the same
        // again as slack, then the survivor's next check-in) plus a margin for the job to be fired.
        string? survivor = null;
        await ClusterHarness.WaitUntilAsync(async () =>
        {
            var rows = await cluster.QueryAsync("SELECT node FROM computations WHERE study_uid = @s", ("s", uid));
            survivor = (string?)rows[0][0];
            return survivor != victim.NodeId;
        }, TimeSpan.FromSeconds(3 * ClusterHarness.CheckinSeconds + 5), "a survivor took over the computation");
        output.WriteLine($"node {survivor} took over after {killedAt.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains(survivor, cluster.Nodes.Where(n => n != victim).Select(n => n.NodeId));

        await ClusterHarness.WaitUntilAsync(async () => await cluster.CountAsync("SELECT count(*) FROM studies WHERE study_uid = @s AND state = 'exported'", ("s", uid)) == 1,
            TimeSpan.FromSeconds(60), "the study exported");
        var deliveries = cluster.Destination.Deliveries.Where(d => d.StudyUid == uid).ToList();
        Assert.Single(deliveries, d => ClusterDestination.KindOf(d.SopClassUid) == "rtdose");
        Assert.Equal(["pdf", "rtdose", "sr"], deliveries.Select(d => ClusterDestination.KindOf(d.SopClassUid)).Order());
        Assert.Equal(1, await cluster.CountAsync("SELECT count(*) FROM computations WHERE study_uid = @s", ("s", uid)));
    }

    [Fact]
    public async Task A_node_killed_during_export_has_the_result_delivered_by_a_survivor_and_only_the_object_in_flight_twice()
    {
        await using var cluster = await ClusterHarness.StartAsync(output);
        var study = ClusterHarness.Phantom(Path.Combine(cluster.Work, "study"), 2, ClusterHarness.SmallStudy);
        var uid = study.Identity.StudyInstanceUid;
        var held = cluster.Destination.HoldNext(); // the first C-STORE of the export stays unanswered
        await cluster.SendAsync(0, [study.RtStructFile]);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(n => cluster.SendAsync(n, study.PetFiles.Where((_, i) => i % 3 == n))));
        await held.WaitAsync(TimeSpan.FromSeconds(60));

        // The exporting node is the one running the destination's export job (Quartz's fired trigger names its instance).
        var firing = await cluster.QueryAsync("SELECT instance_name FROM qrtz_fired_triggers WHERE job_group = 'export' AND job_name = 'pacs'");
        var victim = cluster.NodeById((string)Assert.Single(firing)[0]!);
        victim.Kill();
        var killedAt = Stopwatch.StartNew();
        // The PACS finishes storing the object whose sender died before reading the answer: the node never learns that
        // it was stored, so it is sent again. That is the at-least-once delivery docs/operations.md states.
        cluster.Destination.Release();
        var inFlight = cluster.Destination.HeldSopInstanceUid!;
        output.WriteLine($"killed node {victim.Index} ({victim.NodeId}) during the export of {inFlight}");

        await ClusterHarness.WaitUntilAsync(async () => await cluster.CountAsync("SELECT count(*) FROM studies WHERE study_uid = @s AND state = 'exported'", ("s", uid)) == 1,
            TimeSpan.FromSeconds(3 * ClusterHarness.CheckinSeconds + 30), "the study exported by a survivor");
        output.WriteLine($"exported {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");

        var deliveries = cluster.Destination.Deliveries.Where(d => d.StudyUid == uid).ToList();
        Assert.Equal(["pdf", "rtdose", "sr"], deliveries.Select(d => ClusterDestination.KindOf(d.SopClassUid)).Distinct().Order());
        // The object in flight at the kill arrives twice, with the same SOP Instance UID (the PACS stored it; the node
        // died before it read the answer); every other object exactly once.
        var counts = deliveries.GroupBy(d => d.SopInstanceUid).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("deliveries: " + string.Join(", ", counts.Select(c => $"{c.Key} x{c.Value}")));
        Assert.Equal(3, counts.Count);
        Assert.Equal(2, counts[inFlight]);
        Assert.All(counts.Where(c => c.Key != inFlight), c => Assert.Equal(1, c.Value));
        var senders = await cluster.QueryAsync("""
            SELECT DISTINCT a.node FROM export_attempts a JOIN exports e ON e.id = a.export_id WHERE e.study_uid = @s AND a.status = 'success'
            """, ("s", uid));
        Assert.DoesNotContain(victim.NodeId, senders.Select(r => (string)r[0]!));
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
