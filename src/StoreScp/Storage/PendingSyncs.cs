namespace VoxDose.StoreScp.Storage;

/// <summary>
/// The fsyncs one association's instances still owe (Storage:SyncMode PerAssociation): files renamed into the spool
/// and the folders holding them, made durable together by <see cref="Flush"/> when the association ends.
/// </summary>
public sealed class PendingSyncs
{
    private readonly Lock _lock = new();
    private readonly List<string> _files = [];
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    public int Count
    {
        get { lock (_lock) return _files.Count; }
    }

    /// <summary>What a <see cref="Flush"/> would fsync now.</summary>
    public (IReadOnlyList<string> Files, IReadOnlyList<string> Directories) Snapshot()
    {
        lock (_lock) return ([.. _files], [.. _directories]);
    }

    public void AddFile(string path)
    {
        lock (_lock) _files.Add(path);
    }

    public void AddDirectory(string path)
    {
        lock (_lock) _directories.Add(path);
    }

    /// <summary>fsync every file, then every folder (deepest first, so a new folder's entry is synced after its content); empties the batch.</summary>
    public void Flush()
    {
        string[] files, directories;
        lock (_lock)
        {
            files = [.. _files];
            directories = [.. _directories.OrderByDescending(d => d.Length)];
            _files.Clear();
            _directories.Clear();
        }
        foreach (var file in files) DurableFile.SyncFile(file);
        foreach (var directory in directories) DurableFile.SyncDirectory(directory);
    }
}
