using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Export;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>The real host (Quartz, SQLite) with a fake dose pipeline: end states that say what happened.</summary>
public class StudyFailureTests
{
    [Fact]
    public async Task Disk_full_while_writing_results_fails_the_study_then_it_is_retried_when_space_returns_and_exported_once()
    {
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var processor = new FakeProcessor { DiskFull = true };
        var sender = new FlakySender { Up = true };
        await using var node = await NodeHarness.StartAsync(root, processor, sender, extra: new()
        {
            ["VoxDose:Processing:RetryDelaysSeconds:0"] = "0.5",
        });
        for (var i = 1; i <= 3; i++) await node.SendAsync(root, IngestRig.Pet(i));

        var failed = await node.WaitForStateAsync(IngestRig.Study, StudyState.Failed);
        Assert.Contains("No space left on device", failed.Error, StringComparison.Ordinal);
        Assert.NotNull(failed.RetryAt);
        Assert.True(failed.Attempts >= 1);
        Assert.Contains("retry at", (await node.WaitForEventAsync(IngestRig.Study, "failed")).Detail, StringComparison.Ordinal);
        Assert.Empty(await node.Exports.ForStudyAsync(IngestRig.Study));

        var failedWrites = processor.ReportCalls;
        processor.DiskFull = false; // space returns
        var done = await node.WaitForStateAsync(IngestRig.Study, StudyState.Exported);
        Assert.Null(done.Error);
        Assert.Equal(1, processor.ComputeCalls); // resumed at Computed: the dose was not computed again
        Assert.Equal(failedWrites + 1, processor.ReportCalls);
        var exports = await node.Exports.ForStudyAsync(IngestRig.Study);
        Assert.Equal(["RtDose", "Sr", "Pdf"], exports.Select(e => e.ObjectKind));
        Assert.All(exports, e => Assert.Equal((ExportRepository.Sent, 1L), (e.Status, e.Attempts)));
        var sent = sender.Associations.SelectMany(a => a).ToList();
        Assert.Equal(sent.Count, sent.Distinct().Count()); // every object sent exactly once
        Assert.Equal(3, sent.Count);
        await Task.Delay(300);
        Assert.Contains(await node.Events.ListAsync(IngestRig.Study), e => e.Kind == "retry");
    }

    [Fact]
    public async Task No_destination_study_ends_NotExported_never_Exported()
    {
        // Regression: a configuration whose destinations were misspelt ("Destination") exported nothing and marked the study Exported.
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var processor = new FakeProcessor();
        await using var node = await NodeHarness.StartAsync(root, processor, new FlakySender { Up = true }, withDestination: false);
        for (var i = 1; i <= 3; i++) await node.SendAsync(root, IngestRig.Pet(i));

        var study = await node.WaitForStateAsync(IngestRig.Study, StudyState.NotExported);
        Assert.StartsWith("no destination configured", study.Reason, StringComparison.Ordinal);
        Assert.Empty(await node.Exports.ForStudyAsync(IngestRig.Study));
        Assert.Equal("reported", Assert.Single(await node.Computations.ForStudyAsync(IngestRig.Study)).Status);
        await node.WaitForEventAsync(IngestRig.Study, "not-exported");
        await Task.Delay(300);
        Assert.Equal(StudyState.NotExported, (await node.Studies.GetAsync(IngestRig.Study))!.State);
    }
}
