using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VoxDose.Interop.Tests.Console;
using VoxDose.Interop.Tests.Node;
using VoxDose.StoreScp.Audit;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Deploy;

/// <summary>
/// The real HAProxy (Debian package haproxy) with deploy/cluster/haproxy.cfg's TCP frontend and /readyz checks, on free
/// loopback ports, in front of two real nodes with their consoles: DCMTK's C-ECHO passes through to both, and once a
/// node's /readyz fails (its PostgreSQL stopped) HAProxy takes it out and every association goes to the other.
/// </summary>
[Trait("Category", "Interop")]
public sealed class HaproxyInFrontOfNodesTests(ITestOutputHelper output)
{
    /// <summary>deploy/cluster/haproxy.cfg with loopback ports for this test instead of the container network's names.</summary>
    private static string Configuration(int dicomPort, int statsPort, IReadOnlyList<(string Name, int ScpPort, int WebPort)> nodes)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "deploy", "cluster", "haproxy.cfg")).ToList();
        var resolvers = lines.FindIndex(l => l.StartsWith("resolvers ", StringComparison.Ordinal));
        var end = lines.FindIndex(resolvers, string.IsNullOrWhiteSpace);
        lines.RemoveRange(resolvers, end - resolvers + 1);
        var text = new List<string>();
        foreach (var line in lines)
        {
            var t = line.Trim();
            if (t == "bind *:11112") text.Add($"    bind 127.0.0.1:{dicomPort}");
            else if (t.StartsWith("default-server ", StringComparison.Ordinal)) text.Add("    default-server check inter 300ms fall 2 rise 2");
            else if (t.StartsWith("server ", StringComparison.Ordinal)) continue;
            else text.Add(line);
        }
        foreach (var (name, scp, web) in nodes) text.Add($"    server {name} 127.0.0.1:{scp} check port {web}");
        text.Add("");
        text.Add("frontend stats");
        text.Add("    mode http");
        text.Add($"    bind 127.0.0.1:{statsPort}");
        text.Add("    stats enable");
        text.Add("    stats uri /stats");
        text.Add("    timeout client 10s");
        return string.Join('\n', text) + "\n";
    }

    private static async Task<string> StatusAsync(HttpClient http, string server)
    {
        var csv = await http.GetStringAsync("/stats;csv");
        var header = csv.Split('\n')[0].TrimStart('#', ' ').Split(',');
        var status = Array.IndexOf(header, "status");
        return csv.Split('\n').Select(l => l.Split(',')).First(f => f.Length > status && f[0] == "voxdose" && f[1] == server)[status];
    }

    private async Task WaitForStatusAsync(HttpClient http, string server, string wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var status = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                status = await StatusAsync(http, server);
                if (status.StartsWith(wanted, StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException e)
            {
                status = e.Message; // HAProxy still starting
            }
            await Task.Delay(100);
        }
        output.WriteLine(await http.GetStringAsync("/stats;csv"));
        Assert.Fail($"HAProxy has {server} {status}, not {wanted}");
    }

    private static async Task<long> AssociationsAsync(ConsoleNode node)
    {
        await using var c = await node.Host.Services.GetRequiredService<AuditDatabase>().OpenAsync();
        return Convert.ToInt64(await c.ScalarAsync(null, "SELECT COUNT(*) FROM associations", default), CultureInfo.InvariantCulture);
    }

    private static int Echo(int port) =>
        ExternalTool.Run("echoscu", ["-aet", "ECHOTEST", "-aec", "VOXDOSE", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(30)).ExitCode;

    [Fact]
    public async Task Haproxy_passes_c_echo_to_the_nodes_and_takes_out_a_node_whose_readyz_fails()
    {
        using var postgres = PostgreSqlServer.Start();
        await using var a = await ConsoleNode.StartAsync();
        await using var b = await ConsoleNode.StartAsync(new()
        {
            ["VoxDose:Database:Provider"] = "postgresql",
            ["VoxDose:Database:ConnectionString"] = postgres.ConnectionString,
        });
        int dicomPort = ExternalTool.FreeTcpPort(), statsPort = ExternalTool.FreeTcpPort();
        var cfg = Path.Combine(TestPaths.NewTempDirectory("voxdose-haproxy"), "haproxy.cfg");
        await File.WriteAllTextAsync(cfg, Configuration(dicomPort, statsPort, [("node-a", a.ScpPort, a.Url.Port), ("node-b", b.ScpPort, b.Url.Port)]));
        ExternalTool.Run(ExternalTool.Require("haproxy"), "-c", "-f", cfg).EnsureSuccess();
        using var haproxy = Process.Start(new ProcessStartInfo(ExternalTool.Require("haproxy"), ["-db", "-f", cfg])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        haproxy.OutputDataReceived += (_, e) => { if (e.Data is not null) output.WriteLine(e.Data); };
        haproxy.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.WriteLine(e.Data); };
        haproxy.BeginOutputReadLine();
        haproxy.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{statsPort}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForStatusAsync(http, "node-a", "UP");
            await WaitForStatusAsync(http, "node-b", "UP");

            // Both ready: C-ECHO passes through, and the associations are spread over both nodes.
            long a0 = await AssociationsAsync(a), b0 = await AssociationsAsync(b);
            for (var i = 0; i < 6; i++) Assert.Equal(0, Echo(dicomPort));
            long a1 = await AssociationsAsync(a), b1 = await AssociationsAsync(b);
            Assert.Equal(6, a1 - a0 + (b1 - b0));
            Assert.True(a1 > a0 && b1 > b0, $"associations: node A {a1 - a0}, node B {b1 - b0}");

            // Node B's database goes: its /readyz answers 503, HAProxy marks it down, every association goes to node A.
            postgres.Stop();
            await WaitForStatusAsync(http, "node-b", "DOWN");
            for (var i = 0; i < 10; i++) Assert.Equal(0, Echo(dicomPort));
            Assert.Equal(10, await AssociationsAsync(a) - a1);
            Assert.StartsWith("UP", await StatusAsync(http, "node-a"), StringComparison.Ordinal);
        }
        finally
        {
            haproxy.Kill();
            await haproxy.WaitForExitAsync();
        }
    }
}
