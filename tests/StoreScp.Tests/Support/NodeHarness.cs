using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Export;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Ingest;
using VoxDose.StoreScp.Pipeline;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>The real node host (Quartz, SQLite, spool) on a temporary root, with a fake dose pipeline and a fake destination.</summary>
public sealed class NodeHarness : IAsyncDisposable
{
    private NodeHarness(IHost host) => Host = host;

    public IHost Host { get; }

    public IngestService Ingest => Host.Services.GetRequiredService<IngestService>();
    public StudyRepository Studies => Host.Services.GetRequiredService<StudyRepository>();
    public ComputationRepository Computations => Host.Services.GetRequiredService<ComputationRepository>();
    public ExportRepository Exports => Host.Services.GetRequiredService<ExportRepository>();
    public AssociationRepository Associations => Host.Services.GetRequiredService<AssociationRepository>();
    public EventRepository Events => Host.Services.GetRequiredService<EventRepository>();
    public int ScpPort => Host.Services.GetRequiredService<VoxDose.StoreScp.Scp.ScpHostedService>().LocalEndPoint!.Port;

    public static async Task<NodeHarness> StartAsync(string root, IStudyProcessor processor, IDicomSender sender, double quietSeconds = 30,
        Dictionary<string, string?>? extra = null, bool withDestination = true, Action<HostApplicationBuilder>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["VoxDose:Storage:Root"] = root,
            ["VoxDose:Scp:BindAddress"] = "127.0.0.1",
            ["VoxDose:Scp:AllowAnyCaller"] = "true", // tests call from many AE titles; the allow-list has its own tests
            ["VoxDose:Scp:Port"] = VoxDose.Tests.Shared.ExternalTool.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VoxDose:Storage:MinFreeMegabytes"] = "1",
            ["VoxDose:Processing:SeriesQuietSeconds"] = quietSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VoxDose:Export:RetryDelaysSeconds:0"] = "0.3",
            ["VoxDose:Export:RetryDelaysSeconds:1"] = "0.6",
            ["VoxDose:Destinations:0:Name"] = "pacs",
            ["VoxDose:Destinations:0:AeTitle"] = "PACS",
            ["VoxDose:Destinations:0:Host"] = "127.0.0.1",
            ["VoxDose:Destinations:0:Port"] = "104",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (!withDestination)
            foreach (var key in settings.Keys.Where(k => k.StartsWith("VoxDose:Destinations:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var builder = NodeHost.CreateBuilder(NodeConfiguration.Build(overrides: settings, includeEnvironment: false));
        builder.Services.AddSingleton(processor);
        builder.Services.AddSingleton(sender);
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new NodeHarness(host);
    }

    public async Task<ushort> SendAsync(string root, InstanceHeader header)
    {
        var file = Path.Combine(root, "incoming", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, header.SopInstanceUid);
        return VoxDose.Dicom.Network.Server.StoreStatusMapper.StatusOf(await Ingest.IngestAsync(file, header, null));
    }

    public async Task<StudyRecord> WaitForStateAsync(string studyUid, StudyState state, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        StudyRecord? study = null;
        while (DateTime.UtcNow < deadline)
        {
            study = await Studies.GetAsync(studyUid);
            if (study?.State == state) return study;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Study {studyUid} did not reach {state}; it is {study?.State.ToString() ?? "absent"} ({study?.Error}).");
    }

    /// <summary>Waits for an event of <paramref name="kind"/> on the study: events are written just after the state they follow.</summary>
    public async Task<AuditEvent> WaitForEventAsync(string studyUid, string kind, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var match = (await Events.ListAsync(studyUid)).FirstOrDefault(e => e.Kind == kind);
            if (match is not null) return match;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Study {studyUid} has no '{kind}' event.");
    }

    /// <summary>Polls the audit until <paramref name="condition"/> holds (instead of sleeping for a timer to have fired).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Timed out waiting until {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
