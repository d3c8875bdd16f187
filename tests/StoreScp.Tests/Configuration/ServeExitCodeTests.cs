using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Configuration;

/// <summary>The built <c>voxdose</c> with bad configurations: exit code 2, every error printed, no stack trace.</summary>
public class ServeExitCodeTests
{
    private static ToolResult Voxdose(IDictionary<string, string>? environment, params string[] arguments) =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), .. arguments], TimeSpan.FromMinutes(1), environment: environment);

    [Fact]
    public void A_non_numeric_port_in_the_environment_exits_2_naming_the_variable()
    {
        // Was: VoxDose__Scp__Port=abc made the binder throw (exit 1) with only that error shown. A child process, so that
        // the variable does not leak into tests running in parallel in this one.
        var run = Voxdose(new Dictionary<string, string> { ["VoxDose__Scp__Port"] = "abc", ["VoxDose__Processing__Method"] = "montecarlo" }, "serve");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("VoxDose:Scp:Port: 'abc' is not a whole number. (environment variable VoxDose__Scp__Port)", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("VoxDose:Processing:Method: 'montecarlo' is not one of vsv, ldm", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_with_a_bad_file_exits_2_printing_every_error_without_a_stack_trace()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-serve-config");
        try
        {
            var file = Path.Combine(dir, "bad.json");
            File.WriteAllText(file, """
                { "VoxDose": {
                    "Storage": { "Root": "STORAGE" },
                    "Processing": { "Method": "montecarlo" },
                    "Destination": [ { "Name": "pacs", "AeTitle": "PACS", "Host": "pacs", "Port": 104 } ],
                    "Scp": { "Port": 70000 }
                } }
                """.Replace("STORAGE", Path.Combine(dir, "root"), StringComparison.Ordinal));
            var run = Voxdose(new Dictionary<string, string> { ["VoxDose__Scp__MaxAssociations"] = "abc" }, "serve", "--config", file);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("VoxDose:Processing:Method: 'montecarlo' is not one of vsv, ldm", run.StdErr, StringComparison.Ordinal);
            Assert.Contains("VoxDose:Destination: unknown key; did you mean 'Destinations'?", run.StdErr, StringComparison.Ordinal);
            Assert.Contains("VoxDose:Scp:Port: 70000 is outside 1-65535", run.StdErr, StringComparison.Ordinal);
            Assert.Contains("VoxDose:Scp:MaxAssociations: 'abc' is not a whole number", run.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dir, "root")), "the node must not start");

            File.WriteAllText(file, """{ "VoxDose": { "Scp": { "Port": 4242, } } """);
            var broken = Voxdose(null, "serve", "--config", file);
            Assert.Equal(2, broken.ExitCode);
            Assert.Contains("not valid JSON", broken.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", broken.StdErr + broken.StdOut, StringComparison.Ordinal);

            var missing = Voxdose(null, "audit", "list", "--config", Path.Combine(dir, "absent.json"));
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("absent.json' does not exist", missing.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", missing.StdErr + missing.StdOut, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Serve_clustered_on_sqlite_exits_2_naming_the_setting()
    {
        var run = Voxdose(new Dictionary<string, string> { ["VoxDose__Scheduler__Clustered"] = "true" }, "serve");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("VoxDose:Scheduler:Clustered: the clustered job store needs Database:Provider postgresql", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_with_single_sign_on_but_no_client_id_exits_2()
    {
        var run = Voxdose(new Dictionary<string, string>
        {
            ["VoxDose__Web__Oidc__Authority"] = "https://idp.hospital.example/realms/staff",
            ["VoxDose__Web__Oidc__RoleMap__NUCMED-PHYSICS"] = "physicist",
        }, "serve");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("VoxDose:Web:Oidc:ClientId: required", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }
}

/// <summary>The start-up line of a real <c>voxdose serve</c>: every fact an operator checks, ISO 8601 UTC timestamps, no-destination warning.</summary>
public class ServeStartupLogTests
{
    [Fact]
    public async Task Serve_logs_one_start_up_line_with_iso_8601_utc_timestamps_and_warns_without_destination()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-serve-startup");
        try
        {
            var port = ExternalTool.FreeTcpPort();
            var file = Path.Combine(dir, "node.json");
            File.WriteAllText(file, $$"""
                { "Logging": { "LogLevel": { "Default": "Information" } },
                  "VoxDose": { "Storage": { "Root": "{{Path.Combine(dir, "root")}}", "MinFreeMegabytes": 1 },
                               "Scp": { "AeTitle": "TESTNODE", "BindAddress": "127.0.0.1", "Port": {{port}}, "AllowAnyCaller": true },
                               "Processing": { "Method": "ldm", "DoseGridMm": 4 } } }
                """);
            using var node = BackgroundTool.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), "serve", "--config", file]);
            await node.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!node.Output.Contains("No destination", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(100);
            var output = node.Output;
            var line = output.Split('\n').Single(l => l.Contains("starting: AE title", StringComparison.Ordinal));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: ", line);
            var stamp = DateTimeOffset.ParseExact(line[..24], "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal);
            Assert.InRange(stamp, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
            foreach (var fact in new[] { $"VoxDose {SoftwareVersion.Current} starting", "AE title TESTNODE", $"127.0.0.1:{port}",
                         $"storage {Path.Combine(dir, "root")}", "database sqlite (data source=", "destinations none", "method ldm on a 4 mm grid",
                         "audit schema version " })
                Assert.Contains(fact, line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("password", line, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("No destination is configured", output, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_database_location_in_the_log_has_no_password()
    {
        var options = new VoxDose.StoreScp.Configuration.VoxDoseOptions();
        options.Database.Provider = VoxDose.StoreScp.Configuration.DatabaseProvider.PostgreSql;
        options.Database.ConnectionString = "Host=db.example;Database=voxdose;Username=voxdose;Password=s3cret-word";
        var location = VoxDose.StoreScp.Audit.AuditDatabase.FromOptions(options).Location;
        Assert.Contains("db.example", location, StringComparison.Ordinal);
        Assert.Contains("voxdose", location, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", location, StringComparison.Ordinal);
    }

}
