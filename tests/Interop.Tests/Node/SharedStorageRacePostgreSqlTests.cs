using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Storage;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Node;

/// <summary>
/// Two nodes (each its own spool and repository, one storage root, one PostgreSQL) receive the same SOP Instance at the
/// same moment, many times: the same content is stored once and recorded once, different content becomes two versions,
/// and neither node fails the C-STORE.
/// </summary>
public class SharedStorageRacePostgreSqlTests
{
    private sealed class Unlimited : IDiskSpaceProbe
    {
        public long AvailableBytes(string path) => long.MaxValue;
    }

    private sealed record NodeSide(SpoolStore Spool, InstanceRepository Instances, string Incoming);

    private static NodeSide Node(string root, AuditDatabase database, string name)
    {
        var options = Options.Create(new VoxDoseOptions { Storage = new StorageOptions { Root = root, MinFreeMegabytes = 0 } });
        var incoming = Path.Combine(root, "incoming", name);
        Directory.CreateDirectory(incoming);
        return new NodeSide(new SpoolStore(options, new DiskWatermark(options, new Unlimited())), new InstanceRepository(database, TimeProvider.System), incoming);
    }

    /// <summary>What a node's ingest does with a received file: rename it into the spool, then record it.</summary>
    private static async Task<(ArrivalKind Kind, long Version, string Path)> ReceiveAsync(NodeSide node, string sop, byte[] content, Barrier start)
    {
        var file = Path.Combine(node.Incoming, Guid.NewGuid().ToString("N") + ".part");
        await File.WriteAllBytesAsync(file, content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        start.SignalAndWait();
        var stored = await node.Spool.StoreAsync(file, "1.2.3", "1.2.3.1", sop, sha);
        var outcome = await node.Instances.RecordArrivalAsync(new InstanceArrival("1.2.3", "1.2.3.1", sop, "1.2.840.10008.5.1.4.1.1.128", "PT",
            SeriesRole.Y90Pet, "test", null, null, sha, content.Length, stored.Path, null));
        return (outcome.Kind, outcome.Version, stored.Path);
    }

    [Fact]
    public async Task Two_nodes_receiving_the_same_instance_at_once_store_one_copy_and_different_content_as_two_versions()
    {
        using var server = PostgreSqlServer.Start();
        var database = new AuditDatabase(new PostgreSqlDialect(server.ConnectionString));
        await database.EnsureSchemaAsync();
        var root = TestPaths.NewTempDirectory("voxdose-shared");
        var a = Node(root, database, "node-a");
        var b = Node(root, database, "node-b");
        const int iterations = 60;

        for (var i = 0; i < iterations; i++)
        {
            var sameContent = i % 2 == 0;
            var sop = $"1.2.3.1.{i + 1}";
            byte[] contentA = [.. "A-or-B:"u8, (byte)i], contentB = sameContent ? contentA : [.. "B-only:"u8, (byte)i];
            using var start = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(() => ReceiveAsync(a, sop, contentA, start)),
                Task.Run(() => ReceiveAsync(b, sop, contentB, start)));

            var sopDirectory = Path.Combine(root, "spool", "1.2.3", "1.2.3.1", sop);
            var files = Directory.GetFiles(sopDirectory).Order().ToList();
            await using var c = await database.OpenAsync();
            var rows = await c.QueryAsync(null, "SELECT version, sha256, path FROM instances WHERE sop_instance_uid = @u ORDER BY version",
                r => (Version: r.Long("version"), Sha: r.Text("sha256")!, Path: r.Text("path")!), default, ("@u", sop));
            if (sameContent)
            {
                Assert.Equal([ArrivalKind.Duplicate, ArrivalKind.NewInstance], results.Select(r => r.Kind).Order());
                Assert.Single(files);
                Assert.Equal(contentA, await File.ReadAllBytesAsync(files[0]));
                Assert.Equal(files[0], Assert.Single(rows).Path);
            }
            else
            {
                Assert.Equal([ArrivalKind.NewInstance, ArrivalKind.NewVersion], results.Select(r => r.Kind).Order());
                Assert.Equal([1L, 2L], rows.Select(r => r.Version));
                Assert.Equal(2, files.Count);
                foreach (var row in rows)
                    Assert.Equal(row.Sha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(row.Path))));
            }
        }
        // Nothing left half-written anywhere under the spool.
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "spool"), "*.tmp", SearchOption.AllDirectories));
    }
}
