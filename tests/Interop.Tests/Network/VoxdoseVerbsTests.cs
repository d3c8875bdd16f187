using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Network;

/// <summary>Interop: the <c>voxdose</c> verbs store-scp, echo and send, run as processes against DCMTK.</summary>
public class VoxdoseVerbsTests
{
    private static readonly string Voxdose = Path.Combine(AppContext.BaseDirectory, "voxdose.dll");

    [Fact]
    public async Task Store_scp_receives_from_storescu_and_send_delivers_to_storescp()
    {
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 3);
        var ourOut = TestPaths.NewTempDirectory("voxdose-verb-out");
        var ourPort = ExternalTool.FreeTcpPort();
        using (var scp = BackgroundTool.Start("dotnet", [Voxdose, "store-scp", "--bind", "127.0.0.1", "--port", ourPort.ToString(), "--aet", "VERBSCP", "--out", ourOut]))
        {
            await scp.WaitForPortAsync(ourPort);
            var echo = ExternalTool.Run("dotnet", [Voxdose, "echo", "--host", "127.0.0.1", "--port", ourPort.ToString(), "--called-ae", "VERBSCP"]);
            Assert.True(echo.ExitCode == 0, echo.StdOut + echo.StdErr);
            Assert.Contains("Success", echo.StdOut, StringComparison.Ordinal);
            var wrongAe = ExternalTool.Run("dotnet", [Voxdose, "echo", "--host", "127.0.0.1", "--port", ourPort.ToString(), "--called-ae", "WRONG"]);
            Assert.NotEqual(0, wrongAe.ExitCode);
            Assert.Contains("rejected", wrongAe.StdErr, StringComparison.OrdinalIgnoreCase);
            ExternalTool.Run("storescu", ["-aec", "VERBSCP", "+sd", "+r", "127.0.0.1", ourPort.ToString(), dir], TimeSpan.FromSeconds(60)).EnsureSuccess();
        }
        InteropData.AssertAllStored(files, Directory.GetFiles(ourOut, "*.dcm"));

        var dcmtkOut = TestPaths.NewTempDirectory("voxdose-verb-dcmtk");
        var dcmtkPort = ExternalTool.FreeTcpPort();
        using var storescp = BackgroundTool.Start("storescp", ["-aet", "DCMTKSCP", "-od", dcmtkOut, dcmtkPort.ToString()]);
        await storescp.WaitForPortAsync(dcmtkPort);
        var bogus = Path.Combine(dir, "not-dicom.txt");
        await File.WriteAllTextAsync(bogus, "hello");
        var send = ExternalTool.Run("dotnet", [Voxdose, "send", "--host", "127.0.0.1", "--port", dcmtkPort.ToString(), "--called-ae", "DCMTKSCP", dir], TimeSpan.FromSeconds(60));
        Assert.Equal(1, send.ExitCode); // one file is not DICOM
        Assert.Contains($"sent {files.Count} of {files.Count + 1} instances", send.StdOut, StringComparison.Ordinal);
        Assert.Contains("not-dicom.txt", send.StdErr, StringComparison.Ordinal);
        InteropData.AssertAllStored(files, Directory.GetFiles(dcmtkOut));
    }
}
