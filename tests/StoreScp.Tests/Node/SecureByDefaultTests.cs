using System.Net;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Scp;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>Issue 11, "Callers": the allow-list is on by default; an open node is a deliberate setting.</summary>
public class SecureByDefaultTests
{
    [Fact]
    public void Node_with_an_empty_allow_list_refuses_to_start_regression()
    {
        // The bug: the allow-list was off by default and any calling AE title was accepted.
        var root = TestPaths.NewTempDirectory("voxdose-open");
        var config = Path.Combine(root, "voxdose.json");
        File.WriteAllText(config, $$"""
            { "VoxDose": { "Scp": { "Port": {{ExternalTool.FreeTcpPort()}}, "BindAddress": "127.0.0.1" },
                           "Storage": { "Root": "{{root}}", "MinFreeMegabytes": 1 } } }
            """);
        var result = ExternalTool.Run("dotnet", [typeof(NodeStoreHandler).Assembly.Location, "serve", "--config", config], TimeSpan.FromSeconds(60));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Scp:AllowAnyCaller", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_configuration_accepts_no_caller_until_one_is_listed()
    {
        var options = NodeConfiguration.BindAndValidate(NodeConfiguration.Build(Path.Combine(TestPaths.RepoRoot, "config", "appsettings.json")));
        Assert.False(options.Scp.AllowAnyCaller);
        Assert.Empty(options.Scp.AllowedCallers); // the node refuses to start (test above) until the site lists its callers
        var policy = new CallerPolicy([new AllowedCaller { AeTitle = "MODALITY", Host = "192.0.2.10" }]);
        Assert.False(policy.IsAllowed("STRANGER", IPAddress.Parse("192.0.2.10")));
        Assert.False(policy.IsAllowed("MODALITY", IPAddress.Parse("192.0.2.99")));
        Assert.True(policy.IsAllowed("MODALITY", IPAddress.Parse("192.0.2.10")));
    }
}
