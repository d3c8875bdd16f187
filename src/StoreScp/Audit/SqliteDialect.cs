using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace VoxDose.StoreScp.Audit;

/// <summary>
/// SQLite audit database (default: <c>{Storage:Root}/voxdose.db</c>), WAL journal, full fsync on commit; with
/// <paramref name="syncEveryCommit"/> false (Storage:SyncMode PerAssociation) commits are not fsynced (synchronous=NORMAL:
/// they survive a crash of the process, not a power cut) until <see cref="AssociationRepository.ReleasingAsync"/>.
/// </summary>
public sealed class SqliteDialect(string connectionString, bool syncEveryCommit = true) : IAuditDialect
{
    public string ConnectionString => connectionString;

    /// <summary>Commits fsynced (synchronous=FULL) on every connection; false: synchronous=NORMAL.</summary>
    public bool SyncEveryCommit => syncEveryCommit;

    public string Name => "sqlite";

    public DbConnection CreateConnection() => new SqliteConnection(connectionString);

    public string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public string ConnectionSetup { get; } =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(syncEveryCommit ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    /// <summary>
    /// The database holds patient identifiers: it is created empty with mode 0600 before SQLite opens it (SQLite would
    /// create it 0644 less the umask), and SQLite gives its -wal, -shm and -journal files the database's mode. Files an
    /// older version left readable are set to 0600. An in-memory database is left alone.
    /// </summary>
    public void MakeFilesPrivate()
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var path = builder.DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || builder.Mode == SqliteOpenMode.Memory || path.StartsWith("file:", StringComparison.Ordinal)) return;
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            if (Path.GetDirectoryName(path) is { } directory) VoxDose.Dicom.IO.PrivateFiles.CreateDirectory(directory);
            try { using (VoxDose.Dicom.IO.PrivateFiles.Create(path, FileMode.CreateNew)) { } }
            catch (IOException) when (File.Exists(path)) { } // created meanwhile by another process
        }
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) VoxDose.Dicom.IO.PrivateFiles.Restrict(path + suffix);
    }
}
