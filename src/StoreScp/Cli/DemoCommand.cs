using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Cli.Audit;
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
        command.Options.Add(keep);
        command.SetAction(async (parseResult, ct) =>
        {
            Console.WriteLine($"VoxDose {SoftwareVersion.Current} demo");
            var work = parseResult.GetValue(keep) is { } dir ? Path.GetFullPath(dir)
                : Path.Combine(Path.GetTempPath(), $"voxdose-demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(work);
            var outcome = await new DemoRunner(work, Console.WriteLine).RunAsync(new PhantomSpec(), TimeSpan.FromMinutes(5), ct).ConfigureAwait(false);
            return Print(outcome);
        });
        return command;
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
