using System.Globalization;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Node;

/// <summary>
/// A throw-away PostgreSQL cluster (Debian package postgresql) on loopback: initdb in a temporary folder, trust
/// authentication for user voxdose, a free port; stopped and deleted on dispose. As root the server runs as the
/// postgres user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgres;

    private PostgreSqlServer(string bin, string root, int port, bool asPostgres)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _asPostgres = asPostgres;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=voxdose;Database=postgres;Pooling=false";

    public static PostgreSqlServer Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed (Debian package: postgresql); run ./test.sh, which installs it.");
        var root = TestPaths.NewTempDirectory("voxdose-pg");
        var asPostgres = Environment.UserName == "root";
        var server = new PostgreSqlServer(bin, root, ExternalTool.FreeTcpPort(), asPostgres);
        if (asPostgres) ExternalTool.Run("chown", "-R", "postgres", root).EnsureSuccess();
        server.Pg("initdb", "-D", Path.Combine(root, "data"), "-U", "voxdose", "--auth=trust", "--no-sync").EnsureSuccess();
        server.Pg("pg_ctl", "-D", Path.Combine(root, "data"), "-o", $"-p {server.Port} -k {root} -h 127.0.0.1 -c fsync=off", "-l",
            Path.Combine(root, "log"), "-w", "start").EnsureSuccess();
        return server;
    }

    /// <summary>Stops the server (fast shutdown), keeping its data: the database becomes unreachable.</summary>
    public void Stop() => Pg("pg_ctl", "-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop").EnsureSuccess();

    /// <summary>Starts the stopped server again on the same port.</summary>
    public void Restart() => Pg("pg_ctl", "-D", Path.Combine(_root, "data"), "-o", $"-p {Port} -k {_root} -h 127.0.0.1 -c fsync=off", "-l",
        Path.Combine(_root, "log"), "-w", "start").EnsureSuccess();

    private ToolResult Pg(string tool, params string[] arguments) => _asPostgres
        ? ExternalTool.Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments], TimeSpan.FromMinutes(1))
        : ExternalTool.Run(Path.Combine(_bin, tool), arguments, TimeSpan.FromMinutes(1));

    public void Dispose()
    {
        try { Pg("pg_ctl", "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"); } catch (TimeoutException) { }
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
