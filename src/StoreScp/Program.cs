using System.CommandLine;
using VoxDose.StoreScp.Cli;

var root = new RootCommand("VoxDose: voxel-based Y-90 dosimetry for post-TARE PET, as a DICOM node.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
