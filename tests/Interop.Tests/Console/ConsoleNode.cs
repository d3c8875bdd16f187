using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoxDose.Dicom;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Server;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Phantom;
using VoxDose.StoreScp.Web;
using VoxDose.StoreScp.Web.Security;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Console;

/// <summary>
/// A real node as <c>voxdose serve</c> runs it (real dose pipeline, SQLite or PostgreSQL, Quartz, DICOM listener) with
/// the web console on Kestrel (port from the OS) and an in-process storage SCP as its destination ("pacs").
/// </summary>
internal sealed class ConsoleNode : IAsyncDisposable
{
    public const string Password = "browser-test-password";

    private readonly DicomServer _pacs;

    private ConsoleNode(IHost host, DicomServer pacs, string root, string pacsDirectory, Uri url)
    {
        Host = host;
        _pacs = pacs;
        Root = root;
        PacsDirectory = pacsDirectory;
        Url = url;
    }

    public IHost Host { get; }
    public string Root { get; }
    public string PacsDirectory { get; }
    public Uri Url { get; }
    public int ScpPort => Host.Services.GetRequiredService<VoxDose.StoreScp.Scp.ScpHostedService>().LocalEndPoint!.Port;

    public static async Task<ConsoleNode> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var root = TestPaths.NewTempDirectory("voxdose-console-node");
        var pacsDirectory = Path.Combine(root, "pacs");
        var pacs = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            Policy = new AcceptPolicy { CalledAeTitles = ["PACS"] },
            TempDirectory = Path.Combine(pacsDirectory, ".incoming"),
        }, new DirectoryStoreHandler(pacsDirectory));
        await pacs.StartAsync(CancellationToken.None);
        var settings = new Dictionary<string, string?>
        {
            ["VoxDose:Storage:Root"] = Path.Combine(root, "node"),
            ["VoxDose:Storage:MinFreeMegabytes"] = "16",
            ["VoxDose:Scp:BindAddress"] = "127.0.0.1",
            ["VoxDose:Scp:AllowAnyCaller"] = "true", // a test node: any caller, on purpose (secure default refuses)
            ["VoxDose:Scp:Port"] = ExternalTool.FreeTcpPort().ToString(CultureInfo.InvariantCulture),
            ["VoxDose:Processing:SeriesQuietSeconds"] = "2",
            ["VoxDose:Destinations:0:Name"] = "pacs",
            ["VoxDose:Destinations:0:AeTitle"] = "PACS",
            ["VoxDose:Destinations:0:Host"] = "127.0.0.1",
            ["VoxDose:Destinations:0:Port"] = pacs.LocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture),
            ["VoxDose:Export:RetryDelaysSeconds:0"] = "1",
            ["VoxDose:Web:Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var builder = NodeHost.CreateBuilder(NodeConfiguration.Build(overrides: settings, includeEnvironment: false));
        ConsoleHostedService.AddTo(builder);
        var host = builder.Build();
        await host.StartAsync();
        var url = new Uri(host.Services.GetRequiredService<ConsoleHostedService>().Urls[0]);
        var users = new UserRepository(host.Services.GetRequiredService<AuditDatabase>(), TimeProvider.System);
        await users.AddOrUpdateAsync("phys", ConsoleRole.Physicist, Password);
        await users.AddOrUpdateAsync("admin", ConsoleRole.Admin, Password);
        await users.AddOrUpdateAsync("view", ConsoleRole.Viewer, Password);
        return new ConsoleNode(host, pacs, root, pacsDirectory, url);
    }

    /// <summary>Writes the phantom (fewer slices than the default: seconds, not minutes) and sends it with our SCU.</summary>
    public async Task<PhantomStudy> SendPhantomAsync(int slices = 61)
    {
        var phantom = PhantomStudyWriter.Write(new PhantomSpec { Slices = slices }, Path.Combine(Root, "phantom"));
        var sent = await DicomClient.SendAsync(new DicomClientOptions
        {
            Host = "127.0.0.1", Port = ScpPort, CalledAeTitle = "VOXDOSE", CallingAeTitle = "MODALITY",
        }, [phantom.RtStructFile, .. phantom.PetFiles]);
        Assert.All(sent, r => Assert.True(r.Succeeded, r.ToString()));
        return phantom;
    }

    public async Task<StudyRecord> WaitForStateAsync(string studyUid, StudyState state, TimeSpan timeout)
    {
        var studies = Host.Services.GetRequiredService<StudyRepository>();
        var deadline = DateTime.UtcNow + timeout;
        StudyRecord? study = null;
        while (DateTime.UtcNow < deadline)
        {
            study = await studies.GetAsync(studyUid);
            if (study?.State == state) return study;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Study did not reach {state}: {study?.State.ToString() ?? "absent"} ({study?.Error}).");
    }

    /// <summary>The objects the stand-in PACS received, as (path, dataset without pixel data).</summary>
    public IReadOnlyList<(string Path, DicomDataset Dataset)> Received() =>
        Directory.Exists(PacsDirectory)
            ? Directory.GetFiles(PacsDirectory, "*.dcm").Select(p => (p, DicomFile.Open(p, new DicomReadOptions { StopBeforePixelData = true }).Dataset)).ToList()
            : [];

    /// <summary>Waits until the PACS holds an object matching <paramref name="match"/>.</summary>
    public async Task<(string Path, DicomDataset Dataset)> WaitForReceivedAsync(Func<DicomDataset, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = Received().FirstOrDefault(r => match(r.Dataset));
            if (found.Path is not null) return found;
            await Task.Delay(250);
        }
        throw new TimeoutException("The destination did not receive the expected object; it holds: " +
                                   string.Join(", ", Received().Select(r => r.Dataset.GetString(DicomTag.Modality) + " " + r.Dataset.GetString(DicomTag.SeriesDescription))));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await _pacs.DisposeAsync();
    }
}
