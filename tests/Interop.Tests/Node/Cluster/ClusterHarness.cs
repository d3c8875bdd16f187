using System.Globalization;
using Npgsql;
using VoxDose.Dicom;
using VoxDose.Dicom.Network.Client;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Node.Cluster;

/// <summary>
/// A VoxDose cluster on loopback, no containers: a throw-away PostgreSQL, three <c>voxdose serve</c> processes on free
/// ports in clustered mode (Quartz's clustered store, short check-in interval) sharing one storage root, and one
/// destination (<see cref="ClusterDestination"/>) every node exports to. Nodes can be killed with -9 and restarted.
/// On dispose every node's log goes to the test output.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    /// <summary>Quartz's cluster check-in interval of the test nodes (Scheduler:ClusterCheckinSeconds).</summary>
    public const int CheckinSeconds = 2;

    private readonly ITestOutputHelper _output;

    private ClusterHarness(ITestOutputHelper output, PostgreSqlServer database, string work, ClusterDestination destination, List<ClusterNode> nodes)
    {
        _output = output;
        Database = database;
        Work = work;
        Destination = destination;
        Nodes = nodes;
    }

    public PostgreSqlServer Database { get; }

    public string Work { get; }

    public string StorageRoot => Path.Combine(Work, "root");

    public ClusterDestination Destination { get; }

    public IReadOnlyList<ClusterNode> Nodes { get; }

    public static async Task<ClusterHarness> StartAsync(ITestOutputHelper output, int nodeCount = 3, IReadOnlyDictionary<string, string>? settings = null)
    {
        var work = TestPaths.NewTempDirectory("voxdose-cluster");
        var database = PostgreSqlServer.Start();
        var destination = await ClusterDestination.StartAsync(Path.Combine(work, "pacs"));
        var environment = new Dictionary<string, string>
        {
            ["VoxDose__Storage__Root"] = Path.Combine(work, "root"),
            ["VoxDose__Storage__MinFreeMegabytes"] = "64",
            ["VoxDose__Scp__BindAddress"] = "127.0.0.1",
            ["VoxDose__Scp__AllowAnyCaller"] = "true",
            ["VoxDose__Database__Provider"] = "postgresql",
            ["VoxDose__Database__ConnectionString"] = database.ConnectionString,
            ["VoxDose__Scheduler__Clustered"] = "true",
            ["VoxDose__Scheduler__ClusterCheckinSeconds"] = CheckinSeconds.ToString(CultureInfo.InvariantCulture),
            ["VoxDose__Processing__SeriesQuietSeconds"] = "3",
            ["VoxDose__Processing__DoseGridMm"] = "6",
            ["VoxDose__Destinations__0__Name"] = "pacs",
            ["VoxDose__Destinations__0__AeTitle"] = ClusterDestination.AeTitle,
            ["VoxDose__Destinations__0__Host"] = "127.0.0.1",
            ["VoxDose__Destinations__0__Port"] = destination.Port.ToString(CultureInfo.InvariantCulture),
            ["VoxDose__Export__RetryDelaysSeconds__0"] = "1",
            ["VoxDose__Web__Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var nodes = Enumerable.Range(0, nodeCount).Select(i => new ClusterNode(i, environment)).ToList();
        var harness = new ClusterHarness(output, database, work, destination, nodes);
        try
        {
            // All at once, as a cluster restarted together would: each creates the schema it finds missing.
            foreach (var node in nodes) node.Start();
            foreach (var node in nodes) await node.WaitReadyAsync();
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
        return harness;
    }

    /// <summary>A small study (3 PET slices of 32 x 32, one per node): computed in well under a second.</summary>
    public static readonly PhantomSpec SmallStudy = new() { Columns = 32, Rows = 32, PixelSpacingMm = 12.7, Slices = 3, SliceSpacingMm = 56 };

    /// <summary>A phantom study of its own patient and seed, numbered <paramref name="index"/>.</summary>
    public static PhantomStudy Phantom(string directory, int index, PhantomSpec spec) =>
        PhantomStudyWriter.Write(spec with { Seed = 90 + index }, directory,
            new PhantomIdentity { PatientId = $"CLUSTER-{index:000}", AccessionNumber = $"CL{index:0000}" });

    /// <summary>Removes Number of Slices from the PET files: the series then completes by the quiet period alone.</summary>
    public static void WithoutNumberOfSlices(PhantomStudy study)
    {
        foreach (var file in study.PetFiles)
        {
            var dicom = DicomFile.Open(file);
            if (!dicom.Dataset.Remove(DicomTag.NumberOfSlices)) throw new InvalidOperationException($"{file} has no Number of Slices");
            dicom.Save(file);
        }
    }

    /// <summary>The node whose computation of the study is running, once one is.</summary>
    public async Task<ClusterNode> NodeComputingAsync(string studyUid, TimeSpan timeout)
    {
        string? computing = null;
        await WaitUntilAsync(async () =>
        {
            var rows = await QueryAsync("SELECT node FROM computations WHERE study_uid = @s AND status = 'running'", ("s", studyUid));
            computing = rows.Count == 1 ? (string?)rows[0][0] : null;
            return computing is not null;
        }, timeout, "the computation started");
        return NodeById(computing!);
    }

    /// <summary>Sends files to one node with our SCU (calling AE MODALITY); every instance must be acknowledged.</summary>
    public async Task SendAsync(int node, IEnumerable<string> files)
    {
        var failed = (await TrySendAsync(node, files)).Where(r => !r.Succeeded).ToList();
        if (failed.Count > 0) throw new InvalidOperationException($"node {node} refused {failed.Count} instances, first: {failed[0]}");
    }

    /// <summary>Sends files to one node in one association; what was acknowledged and what was not, per file.</summary>
    public Task<IReadOnlyList<StoreResult>> TrySendAsync(int node, IEnumerable<string> files) =>
        DicomClient.SendAsync(new DicomClientOptions
        {
            Host = "127.0.0.1", Port = Nodes[node].Port, CalledAeTitle = "VOXDOSE", CallingAeTitle = "MODALITY",
        }, files);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Rows of a query, each as its columns' values.</summary>
    public async Task<List<object?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64((await QueryAsync(sql, parameters))[0][0], CultureInfo.InvariantCulture);

    /// <summary>Polls <paramref name="condition"/> every 100 ms; throws naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not after {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    /// <summary>The node with this node id.</summary>
    public ClusterNode NodeById(string nodeId) => Nodes.Single(n => n.NodeId == nodeId);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) node.Kill();
        foreach (var node in Nodes)
        {
            try { _output.WriteLine($"==== node {node.Index} ({node.NodeId}) ====\n{node.Output}"); } catch (InvalidOperationException) { }
        }
        await Destination.DisposeAsync();
        Database.Dispose();
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
