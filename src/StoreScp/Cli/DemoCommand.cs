using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Demo;
using VoxDose.StoreScp.Phantom;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// The <c>demo</c> verb: the node on embedded defaults in a temporary folder, a synthetic phantom sent to it with our
/// SCU, the pipeline awaited, the lesion table and output paths printed. It says plainly what did not work.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<string?>("--out") { Description = "Folder to work in and keep (default: a new temporary folder)." };
        var command = new Command("demo", "Run VoxDose's main job on embedded defaults (no server to install).");
        var console = new Option<bool>("--console")
        {
            Description = "Keep the node and its web console running after the table (URL and a one-time password printed) until Ctrl-C.",
        };
        command.Options.Add(keep);
        command.Options.Add(console);
        command.SetAction(async (parseResult, ct) =>
        {
            Console.WriteLine($"VoxDose {SoftwareVersion.Current} demo");
            var work = parseResult.GetValue(keep) is { } dir ? Path.GetFullPath(dir)
                : Path.Combine(Path.GetTempPath(), $"voxdose-demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(work);
            if (!parseResult.GetValue(console))
            {
                var outcome = await new DemoRunner(work, Console.WriteLine).RunAsync(new PhantomSpec(), TimeSpan.FromMinutes(5), ct).ConfigureAwait(false);
                var code = Print(outcome);
                Console.WriteLine("To review the study in the web console (login, slices, approval): ./voxdose.sh demo --console");
                return code;
            }
            var status = 1;
            await new DemoRunner(work, Console.WriteLine).RunAsync(new PhantomSpec(), TimeSpan.FromMinutes(5), ct, FreeConsoleUrl(), async (outcome, services) =>
            {
                status = Print(outcome);
                await ServeConsoleAsync(services, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
            return status;
        });
        return command;
    }

    /// <summary>Where <c>demo --console</c> serves; port 0 (any free port) if 8080 is taken.</summary>
    private const string ConsoleUrl = "http://127.0.0.1:8080";

    private static string FreeConsoleUrl()
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 8080);
            probe.Start();
            return ConsoleUrl;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "http://127.0.0.1:0";
        }
    }

    private static async Task ServeConsoleAsync(IServiceProvider services, CancellationToken ct)
    {
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        var users = new VoxDose.StoreScp.Web.Security.UserRepository(services.GetRequiredService<AuditDatabase>(), TimeProvider.System);
        await users.AddOrUpdateAsync("demo", VoxDose.StoreScp.Web.Security.ConsoleRole.Admin, password, ct).ConfigureAwait(false);
        var urls = services.GetRequiredService<VoxDose.StoreScp.Web.ConsoleHostedService>().Urls;
        var url = urls.Count > 0 ? urls[0] : ConsoleUrl;
        Console.WriteLine();
        Console.WriteLine($"Web console: {url}  user: demo  one-time password: {password}");
        Console.WriteLine("The node and the console keep running; press Ctrl-C to stop.");
        try { await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false); }
        catch (OperationCanceledException) { Console.WriteLine("Stopping."); }
    }

    private static int Print(DemoOutcome outcome)
    {
        Console.WriteLine();
        var study = outcome.Study;
        if (study is null)
        {
            Console.WriteLine("The study never reached the node's audit database: see the messages above.");
            return 1;
        }
        Console.WriteLine($"Study {study.StudyUid}: {study.State} (revision {study.Revision}) after {outcome.Elapsed.TotalSeconds:0.0} s");
        if (study.Error is not null) Console.WriteLine($"  reason: {study.Error}");
        var doses = ResultsSummary.MeanDoses(outcome.Computation?.Results);
        if (doses.Count > 0)
        {
            var truth = outcome.Phantom.Truth.Regions.ToDictionary(r => r.Name, r => r.MeanDoseGy);
            var table = new Table().AddColumns("Region", "Mean dose (Gy)", "Phantom truth, LDM (Gy)");
            foreach (var (name, meanGy) in doses)
                table.AddRow(Markup.Escape(name), meanGy.ToString("0.0", CultureInfo.InvariantCulture),
                    truth.TryGetValue(name, out var t) ? t.ToString("0.0", CultureInfo.InvariantCulture) : "");
            AnsiConsole.Write(table);
            Console.WriteLine("(The measured dose differs from the truth by the PET's blur and noise, as on a real scanner.)");
        }
        Console.WriteLine($"Work folder:  {outcome.WorkDirectory}");
        Console.WriteLine($"  phantom:    {Path.Combine(outcome.WorkDirectory, "phantom")} (truth.json)");
        if (outcome.Computation?.OutputDir is { } outputs) Console.WriteLine($"  results:    {outputs}");
        Console.WriteLine($"  audit:      {Path.Combine(outcome.WorkDirectory, "node", "voxdose.db")} (voxdose audit list, with VoxDose__Storage__Root={Path.Combine(outcome.WorkDirectory, "node")})");
        Console.WriteLine($"  stand-in PACS received {outcome.ReceivedByDestination.Count} objects in {Path.Combine(outcome.WorkDirectory, "pacs")}");
        foreach (var e in outcome.Exports)
            Console.WriteLine($"    {e.ObjectKind}: {e.Status} after {e.Attempts} attempt(s)");
        return study.State == StudyState.Exported ? 0 : 1;
    }
}
