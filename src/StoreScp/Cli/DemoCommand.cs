using System.CommandLine;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// The <c>demo</c> verb. Until the whole pipeline exists, it says honestly which parts are in place and
/// exercises those, rather than pretending to compute a dose.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run VoxDose's main job on embedded defaults (no server to install).");
        command.SetAction(_ =>
        {
            Console.WriteLine($"VoxDose {VersionCommand.SoftwareVersion} demo");
            Console.WriteLine();
            Console.WriteLine("Status: foundation only. The dose pipeline is not built yet, so no dose is computed.");
            Console.WriteLine("What exists today:");
            Console.WriteLine("  - the solution layout (src/Dicom, src/Dosimetry, src/Reporting, src/StoreScp) and the test suite");
            Console.WriteLine("Not yet: DICOM I/O and networking, dosimetry, contours, reports, the node.");
            return 0;
        });
        return command;
    }
}
