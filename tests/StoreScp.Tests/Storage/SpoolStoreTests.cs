using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Storage;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Storage;

public class SpoolStoreTests
{
    private sealed class FixedSpace(long bytes) : IDiskSpaceProbe
    {
        public long AvailableBytes(string path) => bytes;
    }

    private static (SpoolStore Spool, string Dir) Create(long freeBytes = long.MaxValue, long minFreeMb = 10)
    {
        var dir = TestPaths.NewTempDirectory("voxdose-spool");
        var options = Options.Create(new VoxDoseOptions { Storage = new StorageOptions { Root = dir, MinFreeMegabytes = minFreeMb } });
        return (new SpoolStore(options, new DiskWatermark(options, new FixedSpace(freeBytes))), dir);
    }

    private static string TempFile(string dir, string content)
    {
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Same_content_lands_on_the_same_file_and_different_content_beside_it()
    {
        var (spool, dir) = Create();
        var first = await spool.StoreAsync(TempFile(dir, "version one"), "1.2.3", "1.2.3.4", "1.2.3.4.5");
        var again = await spool.StoreAsync(TempFile(dir, "version one"), "1.2.3", "1.2.3.4", "1.2.3.4.5");
        var changed = await spool.StoreAsync(TempFile(dir, "version two"), "1.2.3", "1.2.3.4", "1.2.3.4.5");

        Assert.False(first.AlreadyPresent);
        Assert.True(again.AlreadyPresent);
        Assert.Equal(first.Path, again.Path);
        Assert.Equal(first.Sha256, again.Sha256);
        Assert.NotEqual(first.Sha256, changed.Sha256);
        Assert.NotEqual(first.Path, changed.Path);
        Assert.Equal("version one", File.ReadAllText(first.Path));
        Assert.Equal("version two", File.ReadAllText(changed.Path));
        Assert.StartsWith(Path.Combine(dir, "spool", "1.2.3", "1.2.3.4", "1.2.3.4.5"), first.Path, StringComparison.Ordinal);
        // SHA-256 of "version one", computed independently.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("version one"u8)), first.Sha256);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(first.Path)!, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Per_association_sync_mode_leaves_the_file_and_every_new_folder_to_the_association_batch()
    {
        var (spool, dir) = Create();
        var pending = new PendingSyncs();
        const string hash = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        var stored = await spool.StoreAsync(TempFile(dir, "first"), "1.2.3", "1.2.3.4", "1.2.3.4.7", hash, pending);
        // The rename is done at once (the file is in the spool, readable, and survives kill -9): only the fsyncs wait.
        Assert.Equal("first", File.ReadAllText(stored.Path));
        Assert.Equal(1, pending.Count);
        var listed = pending.Snapshot();
        Assert.Equal([stored.Path], listed.Files);
        // The SOP folder (holds the file), and the parents of the three folders this call created: series, study, spool.
        Assert.Equal(new[] { Path.Combine(dir, "spool", "1.2.3", "1.2.3.4", "1.2.3.4.7"), Path.Combine(dir, "spool", "1.2.3", "1.2.3.4"),
            Path.Combine(dir, "spool", "1.2.3"), Path.Combine(dir, "spool") }.Order(StringComparer.Ordinal), listed.Directories.Order(StringComparer.Ordinal));
        pending.Flush();
        Assert.Equal(0, pending.Count);
        // Without a batch (Storage:SyncMode PerInstance) nothing is left for later.
        var second = await spool.StoreAsync(TempFile(dir, "second"), "1.2.3", "1.2.3.4", "1.2.3.4.8", hash);
        Assert.Equal("second", File.ReadAllText(second.Path));
        Assert.Equal(0, pending.Count);
    }

    [Fact]
    public async Task A_file_hashed_while_received_is_renamed_into_the_spool_not_read_again()
    {
        var (spool, dir) = Create();
        var received = TempFile(dir, "received bytes");
        // The receiver's hash is trusted as given: a spool that re-read the file would name it by the real hash.
        const string receiverHash = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

        var stored = await spool.StoreAsync(received, "1.2.3", "1.2.3.4", "1.2.3.4.6", receivedSha256: receiverHash);

        Assert.Equal(Path.Combine(spool.SpoolRoot, "1.2.3", "1.2.3.4", "1.2.3.4.6", receiverHash + ".dcm"), stored.Path);
        Assert.False(File.Exists(received)); // renamed, not copied
        Assert.Equal("received bytes", File.ReadAllText(stored.Path));
        Assert.Equal("received bytes".Length, stored.SizeBytes);
        Assert.Empty(Directory.GetFiles(spool.SpoolRoot, "*.tmp", SearchOption.AllDirectories));

        var again = await spool.StoreAsync(TempFile(dir, "received bytes"), "1.2.3", "1.2.3.4", "1.2.3.4.6", receivedSha256: receiverHash);
        Assert.True(again.AlreadyPresent);
    }

    [Theory]
    [InlineData("../../escape", "1.2", "1.3")]
    [InlineData("1.2", "1.2/../../x", "1.3")]
    [InlineData("1.2", "1.3", "")]
    public async Task A_uid_that_is_not_a_uid_never_becomes_a_path(string study, string series, string sop)
    {
        var (spool, dir) = Create();
        var e = await Assert.ThrowsAsync<SpoolRefusedException>(() => spool.StoreAsync(TempFile(dir, "x"), study, series, sop));
        Assert.Equal(SpoolRefusal.InvalidUid, e.Refusal);
        Assert.False(Directory.Exists(Path.Combine(dir, "escape")));
        Assert.Empty(Directory.Exists(spool.SpoolRoot) ? Directory.GetFiles(spool.SpoolRoot, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task Below_the_watermark_the_spool_refuses()
    {
        var (spool, dir) = Create(freeBytes: 5L * 1024 * 1024, minFreeMb: 10);
        var e = await Assert.ThrowsAsync<SpoolRefusedException>(() => spool.StoreAsync(TempFile(dir, "x"), "1.2", "1.3", "1.4"));
        Assert.Equal(SpoolRefusal.DiskFull, e.Refusal);
        Assert.Contains("MinFreeMegabytes", e.Reason, StringComparison.Ordinal);

        var (roomy, dir2) = Create(freeBytes: 11L * 1024 * 1024, minFreeMb: 10);
        Assert.False((await roomy.StoreAsync(TempFile(dir2, "x"), "1.2", "1.3", "1.4")).AlreadyPresent);
    }
}
