using System.Globalization;
using System.Net;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Node.Cluster;

/// <summary>
/// One <c>voxdose serve</c> child process of the cluster, on its own free DICOM port, the web console off (its default
/// 127.0.0.1:8080 would collide). <see cref="Kill"/> is kill -9 (SIGKILL); <see cref="StartAsync"/> starts it again
/// with the same settings, hence the same node id.
/// </summary>
internal sealed class ClusterNode(int index, IReadOnlyDictionary<string, string> environment) : IDisposable
{
    private BackgroundTool? _process;
    private string _earlierOutput = "";

    public int Index => index;

    public int Port { get; } = ExternalTool.FreeTcpPort();

    /// <summary>The node id it writes into the audit and gives Quartz (Scheduler:InstanceId AUTO: host:port).</summary>
    public string NodeId => $"{Dns.GetHostName()}:{Port.ToString(CultureInfo.InvariantCulture)}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything it logged, earlier lives included.</summary>
    public string Output => _earlierOutput + (_process?.Output ?? "");

    public void Start()
    {
        var env = new Dictionary<string, string>(environment) { ["VoxDose__Scp__Port"] = Port.ToString(CultureInfo.InvariantCulture) };
        _process = BackgroundTool.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), "serve"], environment: env);
    }

    public Task WaitReadyAsync() => _process!.WaitForPortAsync(Port, TimeSpan.FromSeconds(60));

    public async Task StartAsync()
    {
        Start();
        await WaitReadyAsync();
    }

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (_process is null) return;
        _process.Dispose(); // Process.Kill on Linux is SIGKILL
        _earlierOutput += _process.Output + $"---- node {index} killed with SIGKILL ----\n";
        _process = null;
    }

    /// <summary>
    /// A graceful stop (SIGTERM, what <c>systemctl restart</c> sends first): the node finishes or hands back its work and
    /// exits 0. Throws when it has not exited within <paramref name="timeout"/> or exited with another code.
    /// </summary>
    public void Stop(TimeSpan timeout)
    {
        if (_process is null) return;
        var exited = _process.Terminate(timeout);
        var code = exited ? _process.ExitCode : -1;
        _earlierOutput += _process.Output + $"---- node {index} stopped with SIGTERM (exit {(exited ? code.ToString(CultureInfo.InvariantCulture) : "none")}) ----\n";
        _process.Dispose();
        _process = null;
        if (!exited) throw new TimeoutException($"node {index} did not stop within {timeout.TotalSeconds} s of SIGTERM");
        if (code != 0) throw new InvalidOperationException($"node {index} exited {code} after SIGTERM");
    }

    public void Dispose() => Kill();
}
