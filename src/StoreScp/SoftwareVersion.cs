using System.Reflection;

namespace VoxDose.StoreScp;

/// <summary>The VoxDose version (informational version of this assembly), recorded in results, reports, the audit and the start-up log.</summary>
public static class SoftwareVersion
{
    public static string Current { get; } =
        typeof(SoftwareVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SoftwareVersion).Assembly.GetName().Version?.ToString() ?? "unknown";
}
