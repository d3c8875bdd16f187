using System.Globalization;
using Microsoft.Extensions.Hosting;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;

namespace VoxDose.Interop.Tests.Node;

/// <summary>An in-process node on loopback that accepts Orthanc as a caller and exports to it: the end-to-end tests' set-up.</summary>
internal static class OrthancNode
{
    public static async Task<IHost> StartAsync(string root, int port, int orthancPort, int seriesQuietSeconds, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["VoxDose:Storage:Root"] = root,
            ["VoxDose:Storage:MinFreeMegabytes"] = "64",
            ["VoxDose:Scp:BindAddress"] = "127.0.0.1",
            ["VoxDose:Scp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["VoxDose:Scp:AllowedCallers:0:AeTitle"] = "ORTHANC",
            ["VoxDose:Scp:AllowedCallers:0:Host"] = "127.0.0.1",
            ["VoxDose:Processing:SeriesQuietSeconds"] = seriesQuietSeconds.ToString(CultureInfo.InvariantCulture),
            ["VoxDose:Destinations:0:Name"] = "orthanc",
            ["VoxDose:Destinations:0:AeTitle"] = "ORTHANC",
            ["VoxDose:Destinations:0:Host"] = "127.0.0.1",
            ["VoxDose:Destinations:0:Port"] = orthancPort.ToString(CultureInfo.InvariantCulture),
            ["VoxDose:Export:RetryDelaysSeconds:0"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) overrides[key] = value;
        var host = NodeHost.CreateBuilder(NodeConfiguration.Build(overrides: overrides, includeEnvironment: false)).Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Polls <paramref name="probe"/> every 250 ms until it gives a value, or throws after <paramref name="timeout"/>.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Nothing after {timeout}.");
    }
}
