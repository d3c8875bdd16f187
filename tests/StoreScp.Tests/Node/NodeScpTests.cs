using VoxDose.Dicom.Network.Client;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Phantom;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>The node's DICOM listener with our own SCU as the peer (in process, loopback, OS-chosen port).</summary>
public class NodeScpTests
{
    private static readonly PhantomSpec Tiny = new() { Columns = 64, Rows = 64, PixelSpacingMm = 12.7, Slices = 8, SliceSpacingMm = 28 };

    [Fact]
    public async Task Instances_sent_over_dicom_are_spooled_audited_and_assembled()
    {
        var root = TestPaths.NewTempDirectory("voxdose-scp");
        var phantom = PhantomStudyWriter.Write(Tiny, Path.Combine(root, "phantom"));
        var processor = new FakeProcessor();
        await using var node = await NodeHarness.StartAsync(root, processor, new FlakySender { Up = true });

        var results = await DicomClient.SendAsync(new DicomClientOptions { Host = "127.0.0.1", Port = node.ScpPort, CalledAeTitle = "VOXDOSE", CallingAeTitle = "MODALITY" },
            phantom.PetFiles);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));

        await node.WaitForStateAsync(phantom.Identity.StudyInstanceUid, StudyState.Exported);
        Assert.Equal(8, processor.Inputs[0].PetFiles.Count);
        Assert.All(processor.Inputs[0].PetFiles, f => Assert.StartsWith(Path.Combine(root, "spool"), f, StringComparison.Ordinal));
        var association = Assert.Single(await node.Associations.ForStudyAsync(phantom.Identity.StudyInstanceUid));
        for (var i = 0; i < 50 && association.EndedAt is null; i++)
        {
            await Task.Delay(50);
            association = Assert.Single(await node.Associations.ForStudyAsync(phantom.Identity.StudyInstanceUid));
        }
        Assert.Equal(("MODALITY", "VOXDOSE", 8L, 0L, "released"),
            (association.CallingAe, association.CalledAe, association.InstancesReceived, association.InstancesFailed, association.Outcome));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "incoming")));
    }

    [Fact]
    public async Task A_caller_not_in_allowed_callers_is_rejected_and_audited()
    {
        var root = TestPaths.NewTempDirectory("voxdose-scp");
        var phantom = PhantomStudyWriter.Write(Tiny with { Slices = 1 }, Path.Combine(root, "phantom"));
        await using var node = await NodeHarness.StartAsync(root, new FakeProcessor(), new FlakySender { Up = true }, extra: new()
        {
            ["VoxDose:Scp:AllowedCallers:0:AeTitle"] = "ORTHANC",
            ["VoxDose:Scp:AllowedCallers:0:Host"] = "127.0.0.1",
        });
        var results = await DicomClient.SendAsync(new DicomClientOptions { Host = "127.0.0.1", Port = node.ScpPort, CalledAeTitle = "VOXDOSE", CallingAeTitle = "STRANGER" },
            phantom.PetFiles);
        Assert.False(Assert.Single(results).Succeeded);
        Assert.Null(await node.Studies.GetAsync(phantom.Identity.StudyInstanceUid));

        var accepted = await DicomClient.SendAsync(new DicomClientOptions { Host = "127.0.0.1", Port = node.ScpPort, CalledAeTitle = "VOXDOSE", CallingAeTitle = "ORTHANC" },
            phantom.PetFiles);
        Assert.True(Assert.Single(accepted).Succeeded);
    }

    [Fact]
    public async Task The_node_does_not_start_when_its_port_is_taken()
    {
        var root = TestPaths.NewTempDirectory("voxdose-scp");
        await using var first = await NodeHarness.StartAsync(root, new FakeProcessor(), new FlakySender());
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeHarness.StartAsync(TestPaths.NewTempDirectory("voxdose-scp"),
            new FakeProcessor(), new FlakySender(), extra: new() { ["VoxDose:Scp:Port"] = first.ScpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Contains("cannot start", e.Message, StringComparison.Ordinal);
    }
}
