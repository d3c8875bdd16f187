using System.Globalization;
using System.Net;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Server;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Export;
using VoxDose.StoreScp.Phantom;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>
/// A real destination (our storage SCP) that is down when the results are ready, then comes up: the results arrive,
/// nothing is lost, every attempt is in the audit. The outage lasts VOXDOSE_OUTAGE_SECONDS (default 4 s so the suite
/// stays fast; the acceptance run is VOXDOSE_OUTAGE_SECONDS=120, see docs/operations.md).
/// </summary>
public class DestinationOutageTests
{
    private static readonly PhantomSpec Tiny = new() { Columns = 64, Rows = 64, PixelSpacingMm = 12.7, Slices = 8, SliceSpacingMm = 28 };

    [Fact]
    public async Task Results_reach_a_destination_that_was_down_and_every_attempt_is_audited()
    {
        var outage = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("VOXDOSE_OUTAGE_SECONDS") ?? "4", CultureInfo.InvariantCulture));
        var root = TestPaths.NewTempDirectory("voxdose-outage");
        var phantom = PhantomStudyWriter.Write(Tiny, Path.Combine(root, "phantom"));
        var pacsPort = ExternalTool.FreeTcpPort();
        var retry = Math.Max(0.5, outage.TotalSeconds / 8).ToString("0.###", CultureInfo.InvariantCulture);
        var processor = new FakeProcessor { WriteDicom = true };
        await using var node = await NodeHarness.StartAsync(root, processor, new DicomClientSender(TimeProvider.System), extra: new()
        {
            ["VoxDose:Destinations:0:AeTitle"] = "OUTAGEPACS",
            ["VoxDose:Destinations:0:Port"] = pacsPort.ToString(CultureInfo.InvariantCulture),
            ["VoxDose:Export:RetryDelaysSeconds:0"] = retry,
            ["VoxDose:Export:AssociationTimeoutSeconds"] = "10",
        });
        var sent = await DicomClient.SendAsync(new DicomClientOptions { Host = "127.0.0.1", Port = node.ScpPort, CalledAeTitle = "VOXDOSE" }, phantom.PetFiles);
        Assert.All(sent, r => Assert.True(r.Succeeded, r.ToString()));
        await node.WaitForStateAsync(phantom.Identity.StudyInstanceUid, StudyState.Reported);

        await Task.Delay(outage); // the destination is down
        var exportsDuringOutage = await node.Exports.ForStudyAsync(phantom.Identity.StudyInstanceUid);
        Assert.All(exportsDuringOutage, e => Assert.Equal(ExportRepository.Pending, e.Status));

        var received = Path.Combine(root, "pacs");
        await using var pacs = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback, Port = pacsPort, Policy = new AcceptPolicy { CalledAeTitles = ["OUTAGEPACS"] },
            TempDirectory = Path.Combine(received, ".incoming"),
        }, new DirectoryStoreHandler(received) { VerifyDataSet = false });
        await pacs.StartAsync();
        await node.WaitForStateAsync(phantom.Identity.StudyInstanceUid, StudyState.Exported, outage + TimeSpan.FromSeconds(60));

        var exports = await node.Exports.ForStudyAsync(phantom.Identity.StudyInstanceUid);
        Assert.Equal(3, exports.Count);
        Assert.Equal(3, Directory.GetFiles(received, "*.dcm").Length);
        foreach (var export in exports)
        {
            var attempts = await node.Exports.AttemptsAsync(export.Id);
            Assert.True(attempts.Count >= 2, $"{export.ObjectKind}: {attempts.Count} attempts");
            Assert.Equal("success", attempts[^1].Status);
            Assert.All(attempts.SkipLast(1), a => Assert.Equal("failure", a.Status));
            Assert.All(attempts.SkipLast(1), a => Assert.False(string.IsNullOrEmpty(a.Error)));
        }
        Assert.Equal(1, processor.ComputeCalls);
    }
}
