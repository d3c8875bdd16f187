using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VoxDose.Tests.Shared;

/// <summary>The result of running an external program.</summary>
public sealed record ToolResult(string Command, int ExitCode, string StdOut, string StdErr)
{
    public ToolResult EnsureSuccess()
    {
        if (ExitCode != 0)
            throw new InvalidOperationException($"'{Command}' exited with {ExitCode}.\nstdout:\n{StdOut}\nstderr:\n{StdErr}");
        return this;
    }
}

/// <summary>
/// Runs the external reference programs the interop tests compare against (DCMTK, dicom3tools, GDCM, Orthanc,
/// plastimatch, /usr/bin/python3 with pydicom). A missing program is a test failure with the package to
/// install, never a silent skip: <c>./test.sh</c> installs them.
/// </summary>
public static class ExternalTool
{
    private static readonly Dictionary<string, string> PackageOf = new(StringComparer.Ordinal)
    {
        ["dcm2json"] = "dcmtk", ["dcmdump"] = "dcmtk", ["storescu"] = "dcmtk", ["storescp"] = "dcmtk",
        ["echoscu"] = "dcmtk", ["dsrdump"] = "dcmtk", ["dcmconv"] = "dcmtk",
        ["dciodvfy"] = "dicom3tools", ["gdcmscu"] = "libgdcm-tools", ["gdcminfo"] = "libgdcm-tools",
        ["Orthanc"] = "orthanc", ["plastimatch"] = "plastimatch", ["pdftotext"] = "poppler-utils",
        ["pdftoppm"] = "poppler-utils", ["pdfinfo"] = "poppler-utils", ["/usr/bin/python3"] = "python3-pydicom python3-scipy",
        ["Rscript"] = "r-base-core r-cran-survival", ["openssl"] = "openssl",
    };

    /// <summary>Full path of a program on PATH (or an absolute path), or a failure naming the Debian package.</summary>
    public static string Require(string program)
    {
        var found = Find(program);
        if (found is null)
        {
            var package = PackageOf.TryGetValue(program, out var p) ? p : "?";
            throw new InvalidOperationException($"External program '{program}' is not installed (Debian package: {package}); run ./test.sh, which installs it.");
        }
        return found;
    }

    public static string? Find(string program)
    {
        if (Path.IsPathRooted(program)) return File.Exists(program) ? program : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                     .Concat(["/usr/bin", "/usr/sbin", "/bin"]))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs a program to completion (bounded by <paramref name="timeout"/>, default 2 minutes).</summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var path = Require(program);
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;
        var commandLine = program + " " + string.Join(' ', psi.ArgumentList);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {commandLine}");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException($"'{commandLine}' did not finish within {timeout ?? TimeSpan.FromMinutes(2)}.\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }
        process.WaitForExit();
        return new ToolResult(commandLine, process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static ToolResult Run(string program, params string[] arguments) => Run(program, (IEnumerable<string>)arguments);

    /// <summary>A TCP port on loopback that the OS reports free right now.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
