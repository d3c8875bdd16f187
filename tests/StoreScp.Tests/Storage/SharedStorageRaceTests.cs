using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Storage;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Storage;

/// <summary>
/// Two nodes on one storage root: each has its own spool (SpoolStore) and writes results, at the same moment, into the
/// same folders. Same content: one copy; different content: both kept; a results folder appears whole or not at all.
/// (The audit side of the same race, on PostgreSQL: Interop.Tests SharedStorageRacePostgreSqlTests.)
/// </summary>
public class SharedStorageRaceTests
{
    private sealed class Unlimited : IDiskSpaceProbe
    {
        public long AvailableBytes(string path) => long.MaxValue;
    }

    private static SpoolStore Spool(string root)
    {
        var options = Options.Create(new VoxDoseOptions { Storage = new StorageOptions { Root = root, MinFreeMegabytes = 0 } });
        return new SpoolStore(options, new DiskWatermark(options, new Unlimited()));
    }

    private static string Incoming(string root, string node, byte[] content)
    {
        var dir = Path.Combine(root, "incoming", node);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".part");
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task Two_spools_on_one_root_receiving_the_same_instance_at_once_keep_one_copy_or_two_versions()
    {
        var root = TestPaths.NewTempDirectory("voxdose-shared");
        SpoolStore a = Spool(root), b = Spool(root);
        const int iterations = 200;
        for (var i = 0; i < iterations; i++)
        {
            var sameContent = i % 2 == 0;
            var hashedOnReceipt = i % 4 < 2; // renamed into place (MoveInto) or hashed and copied (CopyAsync)
            var sop = $"1.2.3.1.{i + 1}";
            var contentA = RandomNumberGenerator.GetBytes(64 * 1024);
            var contentB = sameContent ? contentA : RandomNumberGenerator.GetBytes(64 * 1024);
            string fileA = Incoming(root, "a", contentA), fileB = Incoming(root, "b", contentB);
            using var start = new Barrier(2);
            Task<SpoolResult> Store(SpoolStore spool, string file, byte[] content) => Task.Run(() =>
            {
                var sha = hashedOnReceipt ? Convert.ToHexStringLower(SHA256.HashData(content)) : null;
                start.SignalAndWait();
                return spool.StoreAsync(file, "1.2.3", "1.2.3.1", sop, sha);
            });
            var results = await Task.WhenAll(Store(a, fileA, contentA), Store(b, fileB, contentB));

            var files = Directory.GetFiles(Path.Combine(root, "spool", "1.2.3", "1.2.3.1", sop));
            Assert.Equal(sameContent ? 1 : 2, files.Length);
            foreach (var r in results)
                Assert.Equal(r.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(r.Path))));
            if (sameContent) Assert.Equal(results[0].Path, results[1].Path);
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "spool"), "*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>A node's results: every file carries the writer's token; the manifest comes last.</summary>
    private static string WriteResults(string target, string token)
    {
        var staging = ResultDirectory.StagingFor(target);
        Directory.CreateDirectory(staging);
        foreach (var name in new[] { "results.json", "RtDose.dcm", "Sr.dcm", "Pdf.dcm" })
            File.WriteAllText(Path.Combine(staging, name), token + new string('x', 20_000));
        File.WriteAllText(Path.Combine(staging, "outputs.json"), token);
        return staging;
    }

    private static bool Complete(string dir) => File.Exists(Path.Combine(dir, "outputs.json"));

    [Fact]
    public async Task Two_nodes_publishing_the_same_revision_at_once_leave_one_whole_result_and_a_reader_never_sees_a_mix()
    {
        var root = TestPaths.NewTempDirectory("voxdose-shared");
        var seenPartial = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var target = Path.Combine(root, "results", "1.2.3", $"r{i + 1}");
            using var stop = new CancellationTokenSource();
            var reader = Task.Run(() =>
            {
                // A reader (the console, an export) looking at the folder while it is published.
                while (!stop.IsCancellationRequested)
                {
                    if (!Directory.Exists(target)) continue;
                    try
                    {
                        var names = Directory.GetFiles(target).Select(Path.GetFileName).Order().ToList();
                        var tokens = Directory.GetFiles(target).Select(f => File.ReadAllText(f)[..6]).Distinct().ToList();
                        if (names.Count != 5 || tokens.Count != 1) lock (seenPartial) seenPartial.Add($"{target}: {string.Join(",", names)} {string.Join(",", tokens)}");
                    }
                    catch (IOException) { } // replaced under the reader: read again
                }
            });
            using var start = new Barrier(2);
            bool Publish(string token)
            {
                var staging = WriteResults(target, token);
                start.SignalAndWait();
                return ResultDirectory.Publish(staging, target, Complete);
            }
            var published = await Task.WhenAll(Task.Run(() => Publish("node-a")), Task.Run(() => Publish("node-b")));
            await stop.CancelAsync();
            await reader;

            Assert.Equal(1, published.Count(p => p)); // the first complete folder stays, the other is discarded
            var token = published[0] ? "node-a" : "node-b";
            Assert.All(Directory.GetFiles(target), f => Assert.StartsWith(token, File.ReadAllText(f), StringComparison.Ordinal));
            Assert.Equal(5, Directory.GetFiles(target).Length);
        }
        Assert.Empty(seenPartial);
        Assert.Empty(Directory.GetDirectories(Path.Combine(root, "results", "1.2.3"), ".*")); // no staging left behind
    }

    [Fact]
    public void A_results_folder_left_incomplete_by_a_writer_in_place_is_replaced_whole()
    {
        var root = TestPaths.NewTempDirectory("voxdose-shared");
        var target = Path.Combine(root, "results", "1.2.3", "r1");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "results.json"), "half"); // no manifest: killed while writing
        Assert.True(ResultDirectory.Publish(WriteResults(target, "node-a"), target, Complete));
        Assert.Equal(5, Directory.GetFiles(target).Length);
        Assert.All(Directory.GetFiles(target), f => Assert.StartsWith("node-a", File.ReadAllText(f), StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(Path.Combine(root, "results", "1.2.3"), ".*"));
    }
}
