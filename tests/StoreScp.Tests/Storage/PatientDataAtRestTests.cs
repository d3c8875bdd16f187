using System.Globalization;
using VoxDose.Dicom.Network.Client;
using VoxDose.StoreScp.Phantom;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.StoreScp.Tests.Storage;

/// <summary>
/// Issue 11, "Patient data at rest": with umask 022 the spool folders were 0755 and spool files, results and the
/// database 0644, readable by every local user. The real <c>voxdose serve</c> runs here under <c>umask 022</c>.
/// </summary>
[Collection("PortFlood")]
public class PatientDataAtRestTests(ITestOutputHelper output)
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Patient_data_at_rest_is_0600_and_0700_under_umask_022_regression()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-at-rest");
        try
        {
            var phantom = PhantomStudyWriter.Write(new PhantomSpec { Columns = 32, Rows = 32, PixelSpacingMm = 12.7, Slices = 6, SliceSpacingMm = 28 },
                Path.Combine(dir, "phantom"));
            var root = Path.Combine(dir, "node");
            var port = ExternalTool.FreeTcpPort();
            var config = Path.Combine(dir, "voxdose.json");
            File.WriteAllText(config, $$"""
                { "Logging": { "LogLevel": { "Default": "Warning" } },
                  "VoxDose": {
                    "Scp": { "AeTitle": "VOXDOSE", "Port": {{port}}, "BindAddress": "127.0.0.1", "AllowAnyCaller": true },
                    "Storage": { "Root": "{{root}}", "MinFreeMegabytes": 1 },
                    "Web": { "Enabled": false },
                    "Processing": { "SeriesQuietSeconds": 0.5 } } }
                """);
            var dll = Path.Combine(AppContext.BaseDirectory, "voxdose.dll");
            using var node = BackgroundTool.Start("sh", ["-c", $"umask 022 && exec dotnet '{dll}' serve --config '{config}'"]);
            await node.WaitForPortAsync(port, TimeSpan.FromSeconds(60));

            var sent = await DicomClient.SendAsync(new DicomClientOptions { Host = "127.0.0.1", Port = port, CalledAeTitle = "VOXDOSE", CallingAeTitle = "MODALITY" },
                [phantom.RtStructFile, .. phantom.PetFiles]);
            Assert.All(sent, r => Assert.True(r.Succeeded, r.ToString()));

            // The computation's last file is outputs.json (the stage manifest): wait for it, the node still running.
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline && !Directory.EnumerateFiles(root, "outputs.json", SearchOption.AllDirectories).Any())
            {
                Assert.False(node.HasExited, node.Output);
                await Task.Delay(200);
            }
            Assert.True(Directory.EnumerateFiles(root, "outputs.json", SearchOption.AllDirectories).Any(), "no computation finished:\n" + node.Output);
            Assert.True(File.Exists(Path.Combine(root, "voxdose.db-wal")), "the database runs in WAL mode: its -wal file should exist");

            var entries = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Prepend(root).ToList();
            var wrong = entries
                .Select(e => (Path: e, Mode: File.GetUnixFileMode(e), Directory: Directory.Exists(e)))
                .Where(e => e.Mode != (e.Directory ? PrivateMode.Directory : PrivateMode.File))
                .Select(e => $"{Convert.ToString((int)e.Mode, 8),4} {Path.GetRelativePath(root, e.Path)}")
                .ToList();
            output.WriteLine($"{entries.Count} files and folders under the storage root");
            Assert.True(wrong.Count == 0, "not private:\n" + string.Join('\n', wrong));
            // What the test looked at: the spool, the results, the database and its WAL.
            Assert.Contains(entries, e => e.Contains($"{Path.DirectorySeparatorChar}spool{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && e.EndsWith(".dcm", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.EndsWith("results.json", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.EndsWith("voxdose.db-shm", StringComparison.Ordinal));
            Assert.True(entries.Count > 20, entries.Count.ToString(CultureInfo.InvariantCulture));
        }
        finally { Directory.Delete(dir, true); }
    }

    private static class PrivateMode
    {
        public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        public const UnixFileMode Directory = File | UnixFileMode.UserExecute;
    }
}
