using System.CommandLine;

namespace VoxDose.StoreScp.Cli;

/// <summary>The <c>--config FILE</c> option shared by the node's verbs.</summary>
internal static class ConfigOption
{
    public static Option<string?> Create() => new("--config")
    {
        Description = "JSON configuration file (section VoxDose), applied over appsettings.json; environment variables (VoxDose__Scp__Port=...) win over both.",
    };
}
