using System.CommandLine;
using System.Reflection;

namespace VoxDose.StoreScp.Cli;

internal static class VersionCommand
{
    public static string SoftwareVersion =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionCommand).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static Command Create()
    {
        var command = new Command("version", "Print the VoxDose software version.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"VoxDose {SoftwareVersion}");
            return 0;
        });
        return command;
    }
}
