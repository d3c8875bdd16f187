using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>Processing:RtStructGraceSeconds: a site can wait for the contours before the first report.</summary>
public class RtStructGraceTests
{
    [Fact]
    public async Task An_assembled_study_waits_for_its_rtstruct_and_computes_once_with_it()
    {
        var root = TestPaths.NewTempDirectory("voxdose-node");
        var processor = new FakeProcessor();
        await using var node = await NodeHarness.StartAsync(root, processor, new FlakySender { Up = true }, extra: new()
        {
            ["VoxDose:Processing:RtStructGraceSeconds"] = "60",
        });
        for (var i = 1; i <= 3; i++) await node.SendAsync(root, IngestRig.Pet(i)); // complete at once (Number of Slices 3)
        await node.WaitForStateAsync(IngestRig.Study, StudyState.Assembled);
        await Task.Delay(700);
        Assert.Equal(0, processor.ComputeCalls); // waiting for the contours

        await node.SendAsync(root, IngestRig.RtStruct());
        var study = await node.WaitForStateAsync(IngestRig.Study, StudyState.Exported);
        Assert.Equal(1L, study.Revision); // the first report has the contours: no second revision
        Assert.Equal(1, processor.ComputeCalls);
        Assert.NotNull(processor.Inputs[0].RtStructFile);
    }
}
