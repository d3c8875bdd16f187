using System.CommandLine;

namespace VoxDose.StoreScp.Cli;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the VoxDose software version.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"VoxDose {SoftwareVersion.Current}");
            return 0;
        });
        return command;
    }
}
