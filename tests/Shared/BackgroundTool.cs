using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace VoxDose.Tests.Shared;

/// <summary>
/// An external program running in the background for a test (a DICOM peer such as DCMTK storescp or Orthanc).
/// Disposing kills it (this process only, by its id) and waits for it to exit.
/// </summary>
public sealed class BackgroundTool : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BackgroundTool(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
    }

    public string CommandLine { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The process id (to read /proc/ID/status, e.g. its peak resident set).</summary>
    public int Id => _process.Id;

    /// <summary>Everything the program printed so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static BackgroundTool Start(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(ExternalTool.Require(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;
        var commandLine = program + " " + string.Join(' ', psi.ArgumentList);
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {commandLine}");
        var tool = new BackgroundTool(process, commandLine);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (tool._output) tool._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (tool._output) tool._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Waits until the program accepts TCP connections on loopback <paramref name="port"/>.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"'{CommandLine}' exited with {_process.ExitCode}:\n{Output}");
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"'{CommandLine}' did not listen on port {port}:\n{Output}");
    }

    /// <summary>
    /// Asks the program to stop (SIGTERM, as systemd's stop does) and waits for it to exit; true when it exited within
    /// <paramref name="timeout"/>, false when it is still running (it is not killed).
    /// </summary>
    public bool Terminate(TimeSpan timeout)
    {
        if (_process.HasExited) return true;
        ExternalTool.Run("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return _process.WaitForExit(timeout);
    }

    /// <summary>The exit code once the program has exited.</summary>
    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
