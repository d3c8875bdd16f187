using System.Net;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Server;
using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>An in-process SCP on loopback (port from the OS) storing into a temp folder, with short timeouts.</summary>
internal sealed class ScpHarness : IAsyncDisposable
{
    public const string AeTitle = "TESTSCP";

    private ScpHarness(DicomServer server, string root, DirectoryStoreHandler? store, ErrorCollectingLoggerFactory log)
    {
        Log = log;
        Server = server;
        Root = root;
        Store = store;
    }

    public DicomServer Server { get; }

    public string Root { get; }

    public string OutDirectory => Path.Combine(Root, "out");

    public DirectoryStoreHandler? Store { get; }

    public int Port => Server.LocalEndPoint!.Port;

    /// <summary>Error-level log entries of the server (a hostile peer must never cause one).</summary>
    public ErrorCollectingLoggerFactory Log { get; } = new();

    public static async Task<ScpHarness> StartAsync(Func<DicomServerOptions, DicomServerOptions>? configure = null, IDicomServiceHandler? handler = null)
    {
        var root = TestPaths.NewTempDirectory("voxdose-scp");
        var options = new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            Policy = new AcceptPolicy { CalledAeTitles = [AeTitle] },
            TempDirectory = Path.Combine(root, "tmp"),
            ArtimTimeout = TimeSpan.FromSeconds(2),
            IdleTimeout = TimeSpan.FromSeconds(5),
            WriteTimeout = TimeSpan.FromSeconds(5),
        };
        if (configure is not null) options = configure(options);
        var store = handler is null ? new DirectoryStoreHandler(Path.Combine(root, "out")) : null;
        var log = new ErrorCollectingLoggerFactory();
        var server = new DicomServer(options, handler ?? store!, log);
        await server.StartAsync();
        return new ScpHarness(server, root, store, log);
    }

    public DicomClientOptions Client(string calledAe = AeTitle) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        CalledAeTitle = calledAe,
        CallingAeTitle = "TESTSCU",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AssociationTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public string[] StoredFiles() => Directory.Exists(OutDirectory) ? Directory.GetFiles(OutDirectory, "*.dcm") : [];

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(cts.Token);
        await Server.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
