using VoxDose.Dicom;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.StoreScp.Phantom;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>
/// Issue 11's bounded, seeded fuzz test against the in-process node (the longer campaign is bench/fuzz/run.sh):
/// mutated association requests, mutated P-DATA after a valid association, mutated Part 10 files through the reader and
/// through C-STORE. Every input gets a protocol answer or a clean close, the node keeps serving, memory stays bounded,
/// and no acknowledged instance is lost.
/// </summary>
[Collection("PortFlood")]
public class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261130;

    [Fact]
    public async Task Fuzzed_associations_p_data_and_files_get_answers_and_lose_no_acknowledged_instance()
    {
        var root = TestPaths.NewTempDirectory("voxdose-fuzz");
        var phantom = PhantomStudyWriter.Write(new PhantomSpec { Columns = 16, Rows = 16, PixelSpacingMm = 25, Slices = 4, SliceSpacingMm = 40 },
            Path.Combine(root, "phantom"));
        var seeds = phantom.PetFiles.Append(phantom.RtStructFile).Select(File.ReadAllBytes).ToList();
        await using var node = await NodeHarness.StartAsync(Path.Combine(root, "node"), new FakeProcessor(), new FlakySender { Up = true }, extra: new()
        {
            ["VoxDose:Scp:MaxAssociationRequestsPerPeerPerMinute"] = "0", // one peer sends everything here
            // A slot is given back just after the close the client sees: room for the next input's association.
            ["VoxDose:Scp:MaxAssociations"] = "32",
            ["VoxDose:Scp:MaxAssociationsPerPeer"] = "32",
        });
        var campaign = new FuzzCampaign("127.0.0.1", node.ScpPort, "VOXDOSE", "FUZZ", seeds, Seed) { AnswerTimeout = TimeSpan.FromSeconds(20) };
        var echo = new DicomClientOptions { Host = "127.0.0.1", Port = node.ScpPort, CalledAeTitle = "VOXDOSE", CallingAeTitle = "ECHO" };

        await campaign.RunAssociationRequestsAsync(300, 4);
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(echo));
        await campaign.RunPDataAsync(200, 4);
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(echo));
        await campaign.RunCStoresAsync(100, 2, Path.Combine(root, "c-store"));
        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(echo));

        // The reader: a mutated file is read or refused with DicomDataException, never another exception.
        var random = new Random(Seed);
        var readerFailures = new List<string>();
        int read = 0, refused = 0;
        for (var i = 0; i < 400; i++)
        {
            var bytes = campaign.MutatedFile(random);
            try
            {
                DicomFile.Read(new MemoryStream(bytes), i % 2 == 0 ? DicomReadOptions.Default : new DicomReadOptions { StopBeforePixelData = true });
                read++;
            }
            catch (DicomDataException)
            {
                refused++;
            }
            catch (Exception e)
            {
                readerFailures.Add($"input {i}: {e.GetType().Name}: {e.Message}");
            }
        }

        foreach (var (outcome, n) in campaign.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal)) output.WriteLine($"{n,6}  {outcome}");
        output.WriteLine($"reader: {read} read, {refused} refused; {campaign.Acknowledged} instances acknowledged");
        Assert.Equal(0, campaign.Hangs);
        Assert.Empty(readerFailures);
        Assert.DoesNotContain(campaign.Outcomes.Keys, k => k.Contains("connect failed", StringComparison.Ordinal));
        // A valid association for the P-DATA: accepted, or at worst rejected transient (a slot not yet given back).
        Assert.All(campaign.Outcomes.Keys.Where(k => k.StartsWith("p-data: setup", StringComparison.Ordinal)), k => Assert.Contains("(Transient)", k, StringComparison.Ordinal));
        Assert.True(campaign.Outcomes.Where(o => o.Key.StartsWith("p-data: setup", StringComparison.Ordinal)).Sum(o => o.Value) < 20, "most P-DATA inputs must reach an association");
        Assert.True(campaign.Acknowledged > 20, $"only {campaign.Acknowledged} acknowledged: the campaign did not exercise the store path");
        Assert.Contains(campaign.Outcomes.Keys, k => k.StartsWith("associate: AssociateReject", StringComparison.Ordinal) || k.StartsWith("associate: Abort", StringComparison.Ordinal));

        var lost = campaign.FindLost(Path.Combine(root, "node", "spool"));
        Assert.True(lost.Count == 0, string.Join('\n', lost));

        // Memory stays bounded: nothing of the campaign is retained once it is over (the whole test process, other tests included).
        var heapMb = GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var workingSetMb = self.WorkingSet64 / (1024 * 1024);
        output.WriteLine($"managed heap {heapMb} MB, working set {workingSetMb} MB after the run");
        Assert.True(heapMb < 512, $"managed heap {heapMb} MB after the campaign");
        Assert.True(workingSetMb < 2048, $"working set {workingSetMb} MB after the campaign");
    }
}
