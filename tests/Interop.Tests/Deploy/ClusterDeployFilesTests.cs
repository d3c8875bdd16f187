using System.Text.Json;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Deploy;

/// <summary>
/// deploy/cluster: HAProxy's own checker accepts haproxy.cfg, and compose.yaml (parsed by PyYAML) describes what
/// docs/operations.md says: three clustered nodes on one PostgreSQL and one storage volume, each with its own
/// instance id, behind HAProxy's DICOM port, checked on the port their console listens on, and Orthanc sending through
/// HAProxy. No container engine is needed.
/// </summary>
public class ClusterDeployFilesTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "deploy", "cluster");

    [Fact]
    public void Haproxy_accepts_the_cluster_configuration()
    {
        var check = ExternalTool.Run(ExternalTool.Require("haproxy"), "-c", "-f", Path.Combine(Folder, "haproxy.cfg"));
        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        Assert.Contains("Configuration file is valid", check.StdOut + check.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_file_runs_three_clustered_nodes_on_one_database_and_storage_behind_haproxy_with_orthanc()
    {
        // PyYAML resolves the anchors and merge keys as compose does; the result is read back as JSON.
        var parse = ExternalTool.Run("/usr/bin/python3", "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", Path.Combine(Folder, "compose.yaml")).EnsureSuccess();
        using var compose = JsonDocument.Parse(parse.StdOut);
        var services = compose.RootElement.GetProperty("services");
        var nodes = services.EnumerateObject().Where(s => s.Name.StartsWith("voxdose-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["voxdose-1", "voxdose-2", "voxdose-3"], nodes.Select(n => n.Name));
        string Env(JsonProperty node, string key) => node.Value.GetProperty("environment").GetProperty(key).GetString()!;
        Assert.All(nodes, n =>
        {
            Assert.Equal("true", Env(n, "VoxDose__Scheduler__Clustered"));
            Assert.Equal("postgresql", Env(n, "VoxDose__Database__Provider"));
            Assert.Contains("Host=postgres;", Env(n, "VoxDose__Database__ConnectionString"), StringComparison.Ordinal);
            Assert.Equal(["voxdose-storage:/var/lib/voxdose"], n.Value.GetProperty("volumes").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal("/var/lib/voxdose", Env(n, "VoxDose__Storage__Root"));
            Assert.Equal("http://0.0.0.0:8080", Env(n, "VoxDose__Web__Urls"));
            Assert.Equal("11112", Env(n, "VoxDose__Scp__Port"));
            Assert.Equal("deploy/Containerfile", n.Value.GetProperty("build").GetProperty("dockerfile").GetString());
        });
        Assert.Equal(nodes.Select(n => n.Name), nodes.Select(n => Env(n, "VoxDose__Scheduler__InstanceId"))); // unique, readable
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "deploy", "Containerfile")));

        // HAProxy balances exactly these nodes on their DICOM port and checks their console port's /readyz.
        var cfg = File.ReadAllLines(Path.Combine(Folder, "haproxy.cfg")).Select(l => l.Trim()).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(nodes.Select(n => $"server {n.Name} {n.Name}:11112"), cfg.Where(l => l.StartsWith("server ", StringComparison.Ordinal)));
        Assert.Contains(cfg, l => l.StartsWith("default-server check port 8080 ", StringComparison.Ordinal));
        Assert.Contains(cfg, l => l.Contains("uri /readyz", StringComparison.Ordinal));
        Assert.Contains("bind *:11112", cfg);
        Assert.Contains("mode tcp", cfg);
        Assert.Equal(["11112:11112"], services.GetProperty("haproxy").GetProperty("ports").EnumerateArray().Select(p => p.GetString()));

        // Orthanc sends to AE VOXDOSE through HAProxy, and the nodes accept it and send back to it.
        var orthanc = services.GetProperty("orthanc").GetProperty("environment");
        Assert.Equal("""{"voxdose": ["VOXDOSE", "haproxy", 11112]}""", orthanc.GetProperty("ORTHANC__DICOM_MODALITIES").GetString());
        Assert.All(nodes, n =>
        {
            Assert.Equal(orthanc.GetProperty("ORTHANC__DICOM_AET").GetString(), Env(n, "VoxDose__Scp__AllowedCallers__0__AeTitle"));
            Assert.Equal(orthanc.GetProperty("ORTHANC__DICOM_PORT").GetString(), Env(n, "VoxDose__Destinations__0__Port"));
        });
        Assert.Equal("service_healthy", nodes[0].Value.GetProperty("depends_on").GetProperty("postgres").GetProperty("condition").GetString());
    }
}
