using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Server;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Phantom;
using VoxDose.StoreScp.Scp;

namespace VoxDose.StoreScp.Demo;

/// <summary>What the demo ended with.</summary>
public sealed record DemoOutcome(string WorkDirectory, PhantomStudy Phantom, StudyRecord? Study, ComputationRecord? Computation,
    IReadOnlyList<ExportRecord> Exports, IReadOnlyList<string> ReceivedByDestination, TimeSpan Elapsed);

/// <summary>
/// The node on embedded defaults in a temporary folder: a phantom written and sent to it with our SCU, a stand-in
/// PACS (our own storage SCP) as the destination, the pipeline awaited, then a clean stop.
/// </summary>
public sealed class DemoRunner(string workDirectory, Action<string> say)
{
    /// <param name="console">With a web console URL (e.g. http://127.0.0.1:8080) the console runs in the node, and
    /// <paramref name="beforeStop"/> is called with the outcome while node and console still run (the demo waits there).</param>
    public async Task<DemoOutcome> RunAsync(PhantomSpec spec, TimeSpan timeout, CancellationToken ct, string? console = null,
        Func<DemoOutcome, IServiceProvider, Task>? beforeStop = null)
    {
        var watch = Stopwatch.StartNew();
        say($"Writing a synthetic post-TARE Y-90 PET ({spec.Columns} x {spec.Rows} x {spec.Slices}) with its RTSTRUCT...");
        var phantom = PhantomStudyWriter.Write(spec, Path.Combine(workDirectory, "phantom"));

        var pacsDirectory = Path.Combine(workDirectory, "pacs");
        var pacsHandler = new DirectoryStoreHandler(pacsDirectory);
        await using var pacs = new DicomServer(new DicomServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = FreePort(),
            Policy = new AcceptPolicy { CalledAeTitles = ["DEMOPACS"] },
            TempDirectory = Path.Combine(pacsDirectory, ".incoming"),
        }, pacsHandler);
        await pacs.StartAsync(ct).ConfigureAwait(false);

        var nodePort = FreePort();
        var configuration = NodeConfiguration.Build(overrides: new Dictionary<string, string?>
        {
            ["VoxDose:Storage:Root"] = Path.Combine(workDirectory, "node"),
            ["VoxDose:Storage:MinFreeMegabytes"] = "64",
            ["VoxDose:Scp:BindAddress"] = "127.0.0.1",
            ["VoxDose:Scp:AllowedCallers:0:AeTitle"] = "DEMOSCU", // the demo's own sender, and only it
            ["VoxDose:Scp:AllowedCallers:0:Host"] = "127.0.0.1",
            ["VoxDose:Scp:Port"] = nodePort.ToString(CultureInfo.InvariantCulture),
            ["VoxDose:Processing:SeriesQuietSeconds"] = "5",
            ["VoxDose:Destinations:0:Name"] = "demo-pacs",
            ["VoxDose:Destinations:0:AeTitle"] = "DEMOPACS",
            ["VoxDose:Destinations:0:Host"] = "127.0.0.1",
            ["VoxDose:Destinations:0:Port"] = pacs.LocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture),
            ["VoxDose:Export:RetryDelaysSeconds:0"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
            ["VoxDose:Web:Enabled"] = console is null ? "false" : "true",
            ["VoxDose:Web:Urls"] = console ?? "http://127.0.0.1:0",
        }, includeEnvironment: false);
        var builder = NodeHost.CreateBuilder(configuration);
        Web.ConsoleHostedService.AddTo(builder);
        using var node = builder.Build();
        await node.StartAsync(ct).ConfigureAwait(false);
        say($"Node VOXDOSE listening on 127.0.0.1:{nodePort}; stand-in PACS DEMOPACS on port {pacs.LocalEndPoint.Port}.");

        var files = new[] { phantom.RtStructFile }.Concat(phantom.PetFiles).ToList();
        say($"Sending {files.Count} instances with the VoxDose SCU...");
        var sent = await DicomClient.SendAsync(new DicomClientOptions
        {
            Host = "127.0.0.1", Port = nodePort, CalledAeTitle = "VOXDOSE", CallingAeTitle = "DEMOSCU",
        }, files, cancellationToken: ct).ConfigureAwait(false);
        var failed = sent.Count(r => !r.Succeeded);
        if (failed > 0) say($"  {failed} instances were not accepted: {sent.First(r => !r.Succeeded)}");

        say("Waiting for the pipeline (assembly, dose, reports, export)...");
        var studies = node.Services.GetRequiredService<StudyRepository>();
        var deadline = DateTime.UtcNow + timeout;
        StudyRecord? study = null;
        while (DateTime.UtcNow < deadline)
        {
            study = await studies.GetAsync(phantom.Identity.StudyInstanceUid, ct).ConfigureAwait(false);
            if (study is not null && study.State.IsFinal()) break; // exported, or an end state that says why not
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
        var computation = study is null ? null
            : await node.Services.GetRequiredService<ComputationRepository>().GetAsync(study.StudyUid, study.Revision, ct).ConfigureAwait(false);
        var exports = study is null ? []
            : await node.Services.GetRequiredService<ExportRepository>().ForStudyAsync(study.StudyUid, ct).ConfigureAwait(false);
        string[] Received() => Directory.Exists(pacsDirectory) ? Directory.GetFiles(pacsDirectory, "*.dcm") : [];
        var outcome = new DemoOutcome(workDirectory, phantom, study, computation, exports, Received(), watch.Elapsed);
        if (beforeStop is not null) await beforeStop(outcome, node.Services).ConfigureAwait(false);
        await node.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return outcome with { ReceivedByDestination = Received() };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
