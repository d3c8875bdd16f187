using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Network;

/// <summary>Interop: our SCU against DCMTK storescp and Orthanc; Orthanc pushing to our SCP through its REST API.</summary>
public class OurScuAgainstPeersTests
{
    private static DicomClientOptions Client(int port, string calledAe) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CalledAeTitle = calledAe,
        CallingAeTitle = "VOXDOSE",
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AssociationTimeout = TimeSpan.FromSeconds(20),
        RequestTimeout = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public async Task Our_scu_sends_to_dcmtk_storescp()
    {
        var (dir, files) = InteropData.CreateMixedFolder();
        var outDir = TestPaths.NewTempDirectory("voxdose-storescp");
        var port = ExternalTool.FreeTcpPort();
        using var storescp = BackgroundTool.Start("storescp", ["-aet", "DCMTKSCP", "-od", outDir, "--max-pdu", "16384", port.ToString()]);
        await storescp.WaitForPortAsync(port);

        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(Client(port, "DCMTKSCP")));
        var results = await DicomClient.SendAsync(Client(port, "DCMTKSCP"), [dir]);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(files.Count, results.Count);
        InteropData.AssertAllStored(files, Directory.GetFiles(outDir));
    }

    [Fact]
    public async Task Our_scu_sends_to_orthanc_and_orthanc_pushes_back_to_our_scp()
    {
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 4);
        await using var scp = await InProcessScp.StartAsync();
        await using var orthanc = await OrthancInstance.StartAsync("ORTHANC",
            new Dictionary<string, (string, string, int)> { ["voxdose"] = (InProcessScp.AeTitle, "127.0.0.1", scp.Port) });

        Assert.Equal(DimseStatus.Success, await DicomClient.EchoAsync(Client(orthanc.DicomPort, "ORTHANC")));
        var results = await DicomClient.SendAsync(Client(orthanc.DicomPort, "ORTHANC"), [dir]);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));

        var ids = await orthanc.InstanceIdsAsync();
        Assert.Equal(files.Count, ids.Length);
        var downloaded = TestPaths.NewTempDirectory("voxdose-orthanc-dl");
        foreach (var id in ids) await File.WriteAllBytesAsync(Path.Combine(downloaded, id + ".dcm"), await orthanc.DownloadAsync(id));
        InteropData.AssertAllStored(files, Directory.GetFiles(downloaded));

        // Orthanc as SCU: C-STORE every instance to our SCP (synchronous REST job).
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(ids));
        using var push = await orthanc.Http.PostAsync("modalities/voxdose/store", content);
        Assert.True(push.IsSuccessStatusCode, $"{push.StatusCode}: {await push.Content.ReadAsStringAsync()}\n{orthanc.Log}");
        Assert.Equal(files.Count, scp.StoredFiles().Length);
        InteropData.AssertAllStored(files, scp.StoredFiles());
    }
}
