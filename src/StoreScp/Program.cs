using System.CommandLine;
using VoxDose.StoreScp.Cli;
using VoxDose.StoreScp.Configuration;

var root = new RootCommand("VoxDose: voxel-based Y-90 dosimetry for post-TARE PET, as a DICOM node.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
try
{
    // On SIGTERM/SIGINT System.CommandLine cancels the verb and, after ProcessTerminationTimeout (2 s by default),
    // ends the process with 143/130. A node stopping gracefully (listener closed, jobs finished or handed back, see
    // HostOptions.ShutdownTimeout) needs longer: regression, `serve` computing a study was cut off at 2 s with exit
    // 143. 50 s stays under systemd's TimeoutStopSec=60 (deploy/voxdose.service).
    return await parsed.InvokeAsync(new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = TimeSpan.FromSeconds(50),
    }).ConfigureAwait(false);
}
catch (InvalidConfigurationException e)
{
    // Every verb taking --config: all errors, no stack trace, exit 2 (systemd does not restart on it).
    return e.Report(Console.Error, VerbName(parsed.CommandResult));
}
catch (OperationCanceledException)
{
    return 130;
}
catch (Exception e)
{
    await Console.Error.WriteLineAsync($"voxdose: unexpected error: {e}").ConfigureAwait(false);
    return 1;
}

static string VerbName(System.CommandLine.Parsing.CommandResult result)
{
    var names = new List<string>();
    for (var r = result; r?.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult) names.Insert(0, r.Command.Name);
    return string.Join(' ', names);
}
