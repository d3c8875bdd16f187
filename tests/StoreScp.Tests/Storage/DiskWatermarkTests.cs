using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Storage;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Storage;

/// <summary>Issue 11, "Disk full": one watermark for every write; a full disk at start is exit 2.</summary>
public class DiskWatermarkTests
{
    private sealed class FixedSpace(long bytes) : IDiskSpaceProbe
    {
        public long AvailableBytes(string path) => bytes;
    }

    [Fact]
    public void Results_are_not_written_below_the_watermark_regression()
    {
        // The bug: the watermark guarded incoming instances only; results drove the disk to 0 bytes.
        var options = Options.Create(new VoxDoseOptions { Storage = new StorageOptions { Root = TestPaths.NewTempDirectory(), MinFreeMegabytes = 100 } });
        var low = new DiskWatermark(options, new FixedSpace(99L << 20));
        var e = Assert.Throws<DiskFullException>(() => low.EnsureRoom("results.json"));
        Assert.IsAssignableFrom<IOException>(e); // the pipeline's I/O failure path: Failed, retried when space returns
        Assert.Contains("Storage:MinFreeMegabytes 100", e.Message, StringComparison.Ordinal);
        new DiskWatermark(options, new FixedSpace(101L << 20)).EnsureRoom("results.json");
        // The spool asks the same watermark (A700 for C-STORE).
        var spool = new SpoolStore(options, low);
        Assert.Equal(SpoolRefusal.DiskFull, Assert.Throws<SpoolRefusedException>(spool.EnsureSpace).Refusal);
    }

    [Fact]
    public void Full_disk_at_start_exits_2_with_a_clear_error_regression()
    {
        // The bug: starting on a full disk exited 1, which the shipped systemd unit restarts in a loop.
        var root = TestPaths.NewTempDirectory("voxdose-full");
        var config = Path.Combine(root, "voxdose.json");
        File.WriteAllText(config, $$"""
            { "VoxDose": {
                "Scp": { "Port": {{ExternalTool.FreeTcpPort()}}, "BindAddress": "127.0.0.1", "AllowedCallers": [ { "AeTitle": "MODALITY" } ] },
                "Storage": { "Root": "{{root}}", "MinFreeMegabytes": 1000000000 } } }
            """);
        var result = ExternalTool.Run("dotnet", [typeof(VoxDose.StoreScp.Scp.NodeStoreHandler).Assembly.Location, "serve", "--config", config], TimeSpan.FromSeconds(60));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not enough free disk space", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }
}
