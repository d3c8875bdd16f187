using System.Globalization;
using VoxDose.Dicom.Network.Client;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>
/// Issue 11, "Deflate bomb", through the network: a 1 MB Deflated Explicit VR Little Endian file that inflates to 1 GiB,
/// sent as one C-STORE, raised `voxdose serve` from 141 MB to 4.3 GB. The real node, its peak RSS read from /proc.
/// </summary>
[Collection("PortFlood")]
public class DeflateBombStoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Deflate_bomb_sent_by_C_STORE_keeps_the_node_memory_bounded_regression()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc
        var dir = TestPaths.NewTempDirectory("voxdose-bomb-store");
        try
        {
            var bomb = Path.Combine(dir, "bomb.dcm");
            using (var fs = File.Create(bomb)) DeflateBomb.Write(fs, 1L << 30);
            var port = ExternalTool.FreeTcpPort();
            var config = Path.Combine(dir, "voxdose.json");
            File.WriteAllText(config, $$"""
                { "Logging": { "LogLevel": { "Default": "Warning" } },
                  "VoxDose": {
                    "Scp": { "AeTitle": "VOXDOSE", "Port": {{port}}, "BindAddress": "127.0.0.1", "AllowAnyCaller": true },
                    "Storage": { "Root": "{{Path.Combine(dir, "node")}}", "MinFreeMegabytes": 1 },
                    "Web": { "Enabled": false } } }
                """);
            using var node = BackgroundTool.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), "serve", "--config", config]);
            await node.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
            var client = new DicomClientOptions { Host = "127.0.0.1", Port = port, CalledAeTitle = "VOXDOSE", CallingAeTitle = "MODALITY" };
            Assert.Equal(0, await DicomClient.EchoAsync(client));
            var before = PeakRssMb(node.Id);

            StoreResult result;
            try
            {
                result = Assert.Single(await DicomClient.SendAsync(client, [bomb]));
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{e.GetType().Name}: {e.Message}\nnode:\n{node.Output}", e);
            }
            output.WriteLine($"{result}; peak RSS {before} MB before, {PeakRssMb(node.Id)} MB after");
            output.WriteLine(node.Output);
            Assert.NotNull(result.Status); // a DIMSE answer (the header is valid: stored; the pixel data is never inflated here)
            await Task.Delay(2000); // the ingest and assembly that follow the answer
            Assert.False(node.HasExited, node.Output);
            try
            {
                Assert.Equal(0, await DicomClient.EchoAsync(client)); // still serving
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{e.GetType().Name}: {e.Message}\nnode:\n{node.Output}", e);
            }
            var after = PeakRssMb(node.Id);
            output.WriteLine($"peak RSS {after} MB two seconds later");
            Assert.True(after - before < 300, $"peak RSS rose from {before} MB to {after} MB on a 1 MB C-STORE");
        }
        finally { Directory.Delete(dir, true); }
    }

    private static long PeakRssMb(int pid) => long.Parse(File.ReadAllLines($"/proc/{pid}/status")
        .First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
