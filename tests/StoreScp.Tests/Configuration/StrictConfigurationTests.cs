using VoxDose.StoreScp.Configuration;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Configuration;

/// <summary>
/// Issue 10, "What was seen": configuration mistakes that were silently ignored or reported one at a time. Each is
/// now an error naming its key path, and all of them are reported together.
/// </summary>
public class StrictConfigurationTests
{
    private static IReadOnlyList<string> ErrorsForFile(string json)
    {
        var dir = TestPaths.NewTempDirectory("voxdose-config");
        var file = Path.Combine(dir, "node.json");
        File.WriteAllText(file, json);
        try
        {
            NodeConfiguration.Load(file, includeEnvironment: false);
            return [];
        }
        catch (InvalidConfigurationException e)
        {
            return e.Errors;
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_file_without_the_VoxDose_key_is_an_error()
    {
        // Was: the file was ignored and the node started on the default port and storage.
        var errors = ErrorsForFile("""{ "Scp": { "Port": 4242 }, "Storage": { "Root": "/tmp/x" } }""");
        var error = Assert.Single(errors);
        Assert.Contains("no 'VoxDose' section", error, StringComparison.Ordinal);
        Assert.Contains("Scp, Storage", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_top_level_section_is_named_with_the_right_spelling()
    {
        var error = Assert.Single(ErrorsForFile("""{ "VoxDoze": { "Scp": { "Port": 4242 } } }"""));
        Assert.Contains("Did you mean 'VoxDose' for 'VoxDoze'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Destination_typo_is_an_error_naming_Destinations()
    {
        // Was: "Destination" (singular) was ignored, the node exported nothing and marked the study Exported.
        var errors = ErrorsForFile("""{ "VoxDose": { "Destination": [ { "Name": "pacs", "AeTitle": "PACS", "Host": "pacs", "Port": 104 } ] } }""");
        var error = Assert.Single(errors);
        Assert.StartsWith("VoxDose:Destination: unknown key; did you mean 'Destinations'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_errors_at_any_depth_and_in_list_items()
    {
        var errors = ErrorsForFile("""
            { "VoxDose": {
                "Scp": { "Tls": { "Enabld": true } },
                "Destinations": [ { "Name": "pacs", "AeTitle": "PACS", "Host": "pacs", "Prot": 104 } ],
                "Processing": { "Mehtod": "vsv" }
            } }
            """);
        Assert.Contains(errors, e => e.StartsWith("VoxDose:Scp:Tls:Enabld: unknown key; did you mean 'Enabled'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("VoxDose:Destinations:0:Prot: unknown key; did you mean 'Port'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("VoxDose:Processing:Mehtod: unknown key; did you mean 'Method'?", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void A_bad_enum_is_an_error_listing_the_allowed_values()
    {
        // Was: "montecarlo" made the binder throw (exit 1) with only that error shown.
        var error = Assert.Single(ErrorsForFile("""{ "VoxDose": { "Processing": { "Method": "montecarlo" } } }"""));
        Assert.StartsWith("VoxDose:Processing:Method: 'montecarlo' is not one of vsv, ldm", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_an_error_with_the_parser_position()
    {
        // Was: a stack trace and exit code 1.
        var error = Assert.Single(ErrorsForFile("""{ "VoxDose": { "Scp": { "Port": 4242, } "Storage": {} } }"""));
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains("LineNumber", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_config_file_is_an_error()
    {
        var missing = Path.Combine(TestPaths.NewTempDirectory("voxdose-config"), "absent.json");
        var e = Assert.Throws<InvalidConfigurationException>(() => NodeConfiguration.Load(missing, includeEnvironment: false));
        var error = Assert.Single(e.Errors);
        Assert.Contains("absent.json' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_error_is_reported_together()
    {
        var errors = ErrorsForFile("""
            { "VoxDose": {
                "Scp": { "Port": 0, "MaxAssociations": "many" },
                "Processing": { "Method": "montecarlo", "DoseGridMm": 50 },
                "Destination": []
            } }
            """);
        Assert.Contains(errors, e => e.StartsWith("VoxDose:Scp:Port: 0 is outside", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("VoxDose:Scp:MaxAssociations: 'many' is not a whole number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("VoxDose:Processing:Method: 'montecarlo'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("VoxDose:Processing:DoseGridMm: 50 is outside", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("VoxDose:Destination: unknown key", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void The_shipped_appsettings_json_passes()
    {
        var (_, options) = NodeConfiguration.Load(Path.Combine(TestPaths.RepoRoot, "config", "appsettings.json"), includeEnvironment: false);
        Assert.Equal(11112, options.Scp.Port);
        // The file documents the defaults: what it says must be what the code does without it.
        var defaults = new VoxDoseOptions().ApplyListDefaults();
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(defaults.Dosimetry), System.Text.Json.JsonSerializer.Serialize(options.Dosimetry));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(defaults.Processing), System.Text.Json.JsonSerializer.Serialize(options.Processing));
    }
}
