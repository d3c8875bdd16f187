using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;

namespace VoxDose.StoreScp.Tests.Configuration;

public class OptionsValidationTests
{
    private static List<string> ErrorsFor(Dictionary<string, string?> settings)
    {
        var configuration = NodeConfiguration.Build(overrides: settings, includeEnvironment: false);
        var options = new VoxDoseOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("VoxDose"), options);
        return VoxDoseOptionsValidator.Collect(options.ApplyListDefaults());
    }

    [Fact]
    public void Defaults_are_valid_and_match_the_documentation()
    {
        var options = new VoxDoseOptions().ApplyListDefaults();
        Assert.Empty(VoxDoseOptionsValidator.Collect(options));
        Assert.Equal("VOXDOSE", options.Scp.AeTitle);
        Assert.Equal(11112, options.Scp.Port);
        Assert.Equal(30, options.Processing.SeriesQuietSeconds);
        Assert.Equal(DoseMethodOption.Vsv, options.Processing.Method);
        Assert.Equal(DatabaseProvider.Sqlite, options.Database.Provider);
        Assert.Equal([30, 120, 600, 1800, 3600], options.Export.RetryDelaysSeconds);
        Assert.Equal(86400, options.Export.GiveUpAfterSeconds);
        Assert.Equal(["RtDose", "Sr", "Pdf"], options.Processing.Outputs);
    }

    [Fact]
    public void Configured_lists_replace_the_defaults_instead_of_appending_to_them()
    {
        // Regression: the configuration binder appends to pre-filled lists, so [1, 2] became [30, 120, 600, 1800, 3600, 1, 2].
        var options = NodeConfiguration.BindAndValidate(NodeConfiguration.Build(overrides: new Dictionary<string, string?>
        {
            ["VoxDose:Export:RetryDelaysSeconds:0"] = "1",
            ["VoxDose:Export:RetryDelaysSeconds:1"] = "2",
            ["VoxDose:Processing:Outputs:0"] = "Sr",
        }, includeEnvironment: false));
        Assert.Equal([1.0, 2.0], options.Export.RetryDelaysSeconds);
        Assert.Equal(["Sr"], options.Processing.Outputs);
    }

    [Fact]
    public void Every_error_is_listed_with_its_configuration_path()
    {
        var errors = ErrorsFor(new()
        {
            ["VoxDose:Scp:AeTitle"] = "A_TITLE_LONGER_THAN_16",
            ["VoxDose:Scp:Port"] = "70000",
            ["VoxDose:Scp:BindAddress"] = "not-an-ip",
            ["VoxDose:Scp:AllowedCallers:0:AeTitle"] = "BAD\\AE",
            ["VoxDose:Scp:Tls:Enabled"] = "true",
            ["VoxDose:Database:Provider"] = "postgresql",
            ["VoxDose:Processing:SeriesQuietSeconds"] = "-1",
            ["VoxDose:Processing:Outputs:0"] = "Png",
            ["VoxDose:Dosimetry:TumourCutoffGy"] = "0",
            ["VoxDose:Destinations:0:Name"] = "pacs",
            ["VoxDose:Destinations:0:AeTitle"] = "PACS",
            ["VoxDose:Destinations:0:Host"] = "pacs.local",
            ["VoxDose:Destinations:0:Port"] = "104",
            ["VoxDose:Destinations:1:Name"] = "PACS",
            ["VoxDose:Destinations:1:Port"] = "0",
            ["VoxDose:Export:RetryDelaysSeconds:0"] = "0",
        });
        string[] expectedPaths =
        [
            "VoxDose:Scp:AeTitle:", "VoxDose:Scp:Port:", "VoxDose:Scp:BindAddress:", "VoxDose:Scp:AllowedCallers:0:AeTitle:",
            "VoxDose:Scp:Tls:CertificatePath:", "VoxDose:Database:ConnectionString:", "VoxDose:Processing:SeriesQuietSeconds:",
            "VoxDose:Processing:Outputs:0:", "VoxDose:Dosimetry:TumourCutoffGy:", "VoxDose:Destinations:1:Name:",
            "VoxDose:Destinations:1:AeTitle:", "VoxDose:Destinations:1:Host:", "VoxDose:Destinations:1:Port:",
            "VoxDose:Export:RetryDelaysSeconds:0:",
        ];
        foreach (var path in expectedPaths)
            Assert.True(errors.Any(e => e.StartsWith(path, StringComparison.Ordinal)), $"no error for {path} in:\n{string.Join("\n", errors)}");
        Assert.Equal(expectedPaths.Length, errors.Count);
        Assert.DoesNotContain(errors, e => e.StartsWith("VoxDose:Destinations:0:", StringComparison.Ordinal));
    }

    [Fact]
    public void Clustered_scheduler_requires_postgresql()
    {
        var errors = ErrorsFor(new() { ["VoxDose:Scheduler:Clustered"] = "true" });
        Assert.Single(errors);
        Assert.StartsWith("VoxDose:Scheduler:Clustered:", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_check_in_interval_is_bounded_and_the_node_id_is_host_and_port_for_auto()
    {
        var errors = ErrorsFor(new() { ["VoxDose:Scheduler:ClusterCheckinSeconds"] = "0" });
        Assert.StartsWith("VoxDose:Scheduler:ClusterCheckinSeconds: 0 is outside 1-300", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Equal($"{System.Net.Dns.GetHostName()}:11112", new VoxDose.StoreScp.Configuration.SchedulerOptions().NodeId(11112));
        Assert.Equal("pet-node-2", new VoxDose.StoreScp.Configuration.SchedulerOptions { InstanceId = " pet-node-2 " }.NodeId(11112));
    }

    [Fact]
    public void Environment_style_keys_override_the_file()
    {
        var dir = VoxDose.Tests.Shared.TestPaths.NewTempDirectory();
        var file = Path.Combine(dir, "node.json");
        File.WriteAllText(file, """{ "VoxDose": { "Scp": { "Port": 4242, "AeTitle": "FROMFILE" }, "Processing": { "Method": "ldm" } } }""");
        Environment.SetEnvironmentVariable("VoxDose__Scp__Port", "5151");
        try
        {
            var options = NodeConfiguration.BindAndValidate(NodeConfiguration.Build(file));
            Assert.Equal(5151, options.Scp.Port);
            Assert.Equal("FROMFILE", options.Scp.AeTitle);
            Assert.Equal(DoseMethodOption.Ldm, options.Processing.Method);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VoxDose__Scp__Port", null);
        }
    }

    [Fact]
    public void A_bad_configuration_fails_when_the_host_is_built_with_every_error()
    {
        var configuration = NodeConfiguration.Build(overrides: new Dictionary<string, string?>
        {
            ["VoxDose:Storage:Root"] = VoxDose.Tests.Shared.TestPaths.NewTempDirectory(),
            ["VoxDose:Scp:Port"] = "0",
            ["VoxDose:Processing:DoseGridMm"] = "50",
        }, includeEnvironment: false);
        var e = Assert.Throws<InvalidConfigurationException>(() => NodeHost.CreateBuilder(configuration));
        Assert.Contains(e.Errors, f => f.StartsWith("VoxDose:Scp:Port:", StringComparison.Ordinal));
        Assert.Contains(e.Errors, f => f.StartsWith("VoxDose:Processing:DoseGridMm:", StringComparison.Ordinal));
    }

    [Fact]
    public void Single_sign_on_is_all_or_nothing_and_every_missing_or_bad_key_is_named()
    {
        // Issue 17: a half-configured OIDC must stop the node at launch (exit 2), not fail at the first login.
        var noClient = ErrorsFor(new() { ["VoxDose:Web:Oidc:Authority"] = "https://idp.hospital.example/realms/staff" });
        Assert.Contains(noClient, e => e.StartsWith("VoxDose:Web:Oidc:ClientId: required", StringComparison.Ordinal));
        Assert.Contains(noClient, e => e.StartsWith("VoxDose:Web:Oidc:RoleMap: required", StringComparison.Ordinal));

        var noAuthority = ErrorsFor(new() { ["VoxDose:Web:Oidc:ClientId"] = "voxdose" });
        Assert.Contains(noAuthority, e => e.StartsWith("VoxDose:Web:Oidc:Authority: required", StringComparison.Ordinal));

        var bad = ErrorsFor(new()
        {
            ["VoxDose:Web:Oidc:Authority"] = "http://idp.hospital.example",
            ["VoxDose:Web:Oidc:ClientId"] = "voxdose",
            ["VoxDose:Web:Oidc:RoleMap:NUCMED"] = "superuser",
            ["VoxDose:Web:Oidc:Scopes:0"] = "profile",
            ["VoxDose:Web:Oidc:ClientSecret"] = "s",
            ["VoxDose:Web:Oidc:ClientSecretEnv"] = "VOXDOSE_TEST_UNSET_OIDC_SECRET",
        });
        Assert.Contains(bad, e => e.StartsWith("VoxDose:Web:Oidc:Authority: 'http://idp.hospital.example' is plain http", StringComparison.Ordinal));
        Assert.Contains(bad, e => e == "VoxDose:Web:Oidc:RoleMap:NUCMED: 'superuser' is not viewer, physicist or admin.");
        Assert.Contains(bad, e => e == "VoxDose:Web:Oidc:Scopes: must contain 'openid'.");
        Assert.Contains(bad, e => e.StartsWith("VoxDose:Web:Oidc:ClientSecret: set ClientSecret or ClientSecretEnv, not both", StringComparison.Ordinal));
        Assert.Contains(bad, e => e.StartsWith("VoxDose:Web:Oidc:ClientSecretEnv: environment variable 'VOXDOSE_TEST_UNSET_OIDC_SECRET' is not set", StringComparison.Ordinal));

        // Plain http only on loopback and only with RequireHttpsMetadata off (a test provider).
        var loopback = ErrorsFor(new()
        {
            ["VoxDose:Web:Oidc:Authority"] = "http://127.0.0.1:5001",
            ["VoxDose:Web:Oidc:ClientId"] = "voxdose",
            ["VoxDose:Web:Oidc:RoleMap:NUCMED"] = "Physicist",
            ["VoxDose:Web:Oidc:RequireHttpsMetadata"] = "false",
        });
        Assert.Empty(loopback);
    }
}
