using System.Net;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Server;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Network;

/// <summary>Our SCP on loopback, storing every instance into a temp folder.</summary>
internal sealed class InProcessScp : IAsyncDisposable
{
    public const string AeTitle = "VOXDOSESCP";

    private InProcessScp(DicomServer server, string root)
    {
        Server = server;
        Root = root;
    }

    public DicomServer Server { get; }

    public string Root { get; }

    public string OutDirectory => Path.Combine(Root, "out");

    public int Port => Server.LocalEndPoint!.Port;

    public static async Task<InProcessScp> StartAsync(uint maxPduLength = 256 * 1024)
    {
        var root = TestPaths.NewTempDirectory("voxdose-interop-scp");
        var server = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            MaxPduLength = maxPduLength,
            Policy = new AcceptPolicy { CalledAeTitles = [AeTitle] },
            TempDirectory = Path.Combine(root, "tmp"),
            IdleTimeout = TimeSpan.FromSeconds(30),
        }, new DirectoryStoreHandler(Path.Combine(root, "out")));
        await server.StartAsync();
        return new InProcessScp(server, root);
    }

    public string[] StoredFiles() => Directory.Exists(OutDirectory) ? Directory.GetFiles(OutDirectory, "*.dcm") : [];

    public void Clear()
    {
        foreach (var f in StoredFiles()) File.Delete(f);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(cts.Token);
        await Server.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
