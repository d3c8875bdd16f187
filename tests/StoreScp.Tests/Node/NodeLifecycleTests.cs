using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Export;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>The real host with Quartz and SQLite, a fake dose pipeline and a fake destination; timings in fractions of a second.</summary>
public class NodeLifecycleTests
{
    [Fact]
    public async Task A_study_flows_from_arrival_to_export_and_a_destination_outage_only_delays_it()
    {
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var processor = new FakeProcessor();
        var sender = new FlakySender();
        await using var node = await NodeHarness.StartAsync(root, processor, sender);
        await node.SendAsync(root, IngestRig.RtStruct());
        for (var i = 1; i <= 3; i++) await node.SendAsync(root, IngestRig.Pet(i));

        await node.WaitForStateAsync(IngestRig.Study, StudyState.Reported);
        await Task.Delay(1200); // a few failed attempts while the destination is down
        sender.Up = true;
        await node.WaitForStateAsync(IngestRig.Study, StudyState.Exported);

        Assert.Equal(1, processor.ComputeCalls);
        Assert.NotNull(processor.Inputs[0].RtStructFile);
        Assert.Equal(3, processor.Inputs[0].PetFiles.Count);
        var exports = await node.Exports.ForStudyAsync(IngestRig.Study);
        Assert.Equal(3, exports.Count);
        Assert.All(exports, e => Assert.Equal(ExportRepository.Sent, e.Status));
        Assert.All(exports, e => Assert.True(e.Attempts >= 2, $"{e.ObjectKind}: {e.Attempts} attempts"));
        var attempts = await node.Exports.AttemptsAsync(exports[0].Id);
        Assert.Equal("success", attempts[^1].Status);
        Assert.All(attempts.SkipLast(1), a => Assert.Equal(("failure", "connection refused"), (a.Status, a.Error)));
        // One association per batch: every association carried the three objects together.
        Assert.All(sender.Associations, files => Assert.Equal(3, files.Count));
    }

    [Fact]
    public async Task Stopped_mid_computation_the_node_resumes_at_restart_and_processes_the_study_once()
    {
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var blocked = new FakeProcessor { Gate = new TaskCompletionSource() };
        var sender = new FlakySender { Up = true };
        var first = await NodeHarness.StartAsync(root, blocked, sender);
        for (var i = 1; i <= 3; i++) await first.SendAsync(root, IngestRig.Pet(i));
        await blocked.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var studies = first.Studies;
        await first.Host.StopAsync(); // the computation is cancelled; nothing was reported
        Assert.Equal(StudyState.Assembled, (await studies.GetAsync(IngestRig.Study))!.State);
        first.Host.Dispose();

        var processor = new FakeProcessor();
        await using var second = await NodeHarness.StartAsync(root, processor, sender);
        await second.WaitForStateAsync(IngestRig.Study, StudyState.Exported);
        Assert.Equal(1, processor.ComputeCalls);
        var computation = Assert.Single(await second.Computations.ForStudyAsync(IngestRig.Study));
        Assert.Equal("reported", computation.Status);
        Assert.Equal(3, (await second.Exports.ForStudyAsync(IngestRig.Study)).Count);
        Assert.Single(sender.Associations);
    }

    [Fact]
    public async Task A_series_left_incomplete_at_shutdown_completes_after_restart_by_the_quiet_period()
    {
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var sender = new FlakySender { Up = true };
        var first = await NodeHarness.StartAsync(root, new FakeProcessor(), sender, quietSeconds: 30);
        for (var i = 1; i <= 2; i++) await first.SendAsync(root, IngestRig.Pet(i, numberOfSlices: null));
        await first.DisposeAsync();

        var processor = new FakeProcessor();
        await using var second = await NodeHarness.StartAsync(root, processor, sender, quietSeconds: 0.5);
        await second.WaitForStateAsync(IngestRig.Study, StudyState.Exported);
        Assert.Equal(1, processor.ComputeCalls);
        Assert.Equal(2, processor.Inputs[0].PetFiles.Count);
    }

    [Fact]
    public async Task An_rtstruct_after_export_produces_a_second_revision_with_new_exports()
    {
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var processor = new FakeProcessor();
        var sender = new FlakySender { Up = true };
        await using var node = await NodeHarness.StartAsync(root, processor, sender);
        for (var i = 1; i <= 3; i++) await node.SendAsync(root, IngestRig.Pet(i));
        await node.WaitForStateAsync(IngestRig.Study, StudyState.Exported);
        Assert.Null(processor.Inputs[0].RtStructFile);

        await node.SendAsync(root, IngestRig.RtStruct());
        var study = await node.WaitForStateAsync(IngestRig.Study, StudyState.Exported);
        await Task.Delay(200);
        study = (await node.Studies.GetAsync(IngestRig.Study))!;
        Assert.Equal((2L, StudyState.Exported), (study.Revision, study.State));
        Assert.Equal(2, processor.ComputeCalls);
        Assert.NotNull(processor.Inputs[1].RtStructFile);
        Assert.Equal(6, (await node.Exports.ForStudyAsync(IngestRig.Study)).Count);
        // Revision 2's reports supersede revision 1's: the pipeline hands the processor revision 1's SR.
        var first = (await node.Exports.ForStudyAsync(IngestRig.Study)).First(e => e.ObjectKind == "Sr");
        Assert.Equal((first.Path, (long?)1), (processor.Inputs[1].PredecessorSrPath, processor.Inputs[1].PredecessorRevision));
        Assert.Null(processor.Inputs[0].PredecessorSrPath);
    }
}
