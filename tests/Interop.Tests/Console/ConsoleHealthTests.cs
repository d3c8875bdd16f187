using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VoxDose.Interop.Tests.Node;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Console;

/// <summary>
/// What hospital IT scrapes: <c>/readyz</c> turns 503 while the PostgreSQL audit database is down and 200 again once
/// it is back; <c>/metrics</c> (bearer token) parses as Prometheus text with the prometheus_client parser (Debian
/// python3-prometheus-client) and carries the console's gauges.
/// </summary>
[Trait("Category", "Interop")]
public sealed class ConsoleHealthTests(ITestOutputHelper output)
{
    private const string TokenVariable = "VOXDOSE_CONSOLE_TEST_METRICS_TOKEN";

    [Fact]
    public async Task Readyz_is_503_while_the_database_is_down_and_200_after_and_metrics_parse_as_prometheus_text()
    {
        using var postgres = PostgreSqlServer.Start();
        var token = Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(TokenVariable, token);
        await using var node = await ConsoleNode.StartAsync(new()
        {
            ["VoxDose:Database:Provider"] = "postgresql",
            ["VoxDose:Database:ConnectionString"] = postgres.ConnectionString,
            ["VoxDose:Web:MetricsTokenEnv"] = TokenVariable,
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.Url, Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);

        // Metrics: a wrong token is refused, the right one gets Prometheus text that an independent parser accepts.
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var metrics = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        var file = Path.Combine(TestPaths.NewTempDirectory("voxdose-metrics"), "metrics.txt");
        await File.WriteAllTextAsync(file, text);
        var parsed = ExternalTool.Run("/usr/bin/python3", "-c", """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(open(sys.argv[1]).read()):
                for sample in family.samples:
                    print(sample.name, sample.labels.get("state", ""), sample.value)
            """, file);
        output.WriteLine(parsed.StdErr);
        Assert.Equal(0, parsed.ExitCode);
        var samples = parsed.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var state in new[] { "received", "assembled", "computed", "reported", "exported", "failed" })
            Assert.Contains(samples, s => s.StartsWith($"voxdose_studies {state} ", StringComparison.Ordinal));
        foreach (var gauge in new[] { "voxdose_exports_pending", "voxdose_exports_failing", "voxdose_storage_free_bytes", "voxdose_work_oldest_pending_age_seconds" })
            Assert.Contains(samples, s => s.StartsWith(gauge + " ", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.StartsWith("voxdose_storage_free_bytes ", StringComparison.Ordinal) && double.Parse(s.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) > 0);

        // The database goes away: not ready (503) and says why.
        postgres.Stop();
        var down = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        using (var json = JsonDocument.Parse(await down.Content.ReadAsStringAsync()))
        {
            Assert.False(json.RootElement.GetProperty("ready").GetBoolean());
            Assert.False(json.RootElement.GetProperty("database").GetProperty("ok").GetBoolean());
            Assert.True(json.RootElement.GetProperty("scp").GetProperty("ok").GetBoolean());
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode); // alive all along

        // Back: ready again.
        postgres.Restart();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HttpStatusCode status;
        do
        {
            status = (await http.GetAsync("/readyz")).StatusCode;
            if (status == HttpStatusCode.OK) break;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
