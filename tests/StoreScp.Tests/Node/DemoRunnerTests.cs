using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Demo;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>What <c>voxdose demo</c> runs, on a coarse phantom: the real node, the real pipeline, a stand-in PACS.</summary>
public class DemoRunnerTests
{
    [Fact]
    public async Task The_demo_chain_computes_the_phantom_and_delivers_three_objects()
    {
        var spec = new PhantomSpec { Columns = 80, Rows = 80, PixelSpacingMm = 10.175, Slices = 40, SliceSpacingMm = 5.6 };
        var messages = new List<string>();
        var outcome = await new DemoRunner(TestPaths.NewTempDirectory("voxdose-demo"), messages.Add).RunAsync(spec, TimeSpan.FromMinutes(3), CancellationToken.None);

        Assert.True(outcome.Study?.State == StudyState.Exported, $"{outcome.Study?.State}: {outcome.Study?.Error}\n{string.Join("\n", messages)}");
        Assert.Equal(3, outcome.ReceivedByDestination.Count);
        var doses = VoxDose.StoreScp.Audit.ResultsSummary.MeanDoses(outcome.Computation!.Results).ToDictionary(d => d.Name, d => d.MeanGy);
        // Every contoured lesion was measured, and the hot lesion reads hotter than the normal liver.
        foreach (var lesion in outcome.Phantom.Truth.Regions.Where(r => r.Kind == "lesion")) Assert.Contains(lesion.Name, doses.Keys);
        Assert.True(doses["Lesion 1"] > 2 * doses["Liver"], $"Lesion 1 {doses["Lesion 1"]} Gy, liver {doses["Liver"]} Gy");
    }
}
