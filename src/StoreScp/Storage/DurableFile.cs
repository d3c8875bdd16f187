using System.Runtime.InteropServices;
using VoxDose.Dicom.IO;

namespace VoxDose.StoreScp.Storage;

/// <summary>
/// Durable writes: copy into a temporary file in the target's own directory, fsync it, rename over the target,
/// then fsync the directory so the rename itself survives a power cut. Files are created 0600 and folders 0700
/// (<see cref="PrivateFiles"/>): they hold patient data.
/// </summary>
public static partial class DurableFile
{
    public static async Task CopyAsync(string sourcePath, string targetPath, CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(targetPath)!;
        PrivateFiles.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(targetPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            await using (var target = PrivateFiles.Create(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await source.CopyToAsync(target, ct).ConfigureAwait(false);
                target.Flush(flushToDisk: true);
            }
            File.Move(temp, targetPath, overwrite: true);
            SyncDirectory(directory);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static async Task WriteAllBytesAsync(string targetPath, ReadOnlyMemory<byte> bytes, CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(targetPath)!;
        PrivateFiles.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(targetPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var target = PrivateFiles.Create(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await target.WriteAsync(bytes, ct).ConfigureAwait(false);
                target.Flush(flushToDisk: true);
            }
            File.Move(temp, targetPath, overwrite: true);
            SyncDirectory(directory);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>fsync(2) on a file already written (by a writer that did not), and on its directory.</summary>
    public static void Sync(string path)
    {
        SyncFile(path);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// Moves a complete file into place durably, without copying it: fsync the file, rename it over the target (same
    /// file system), then fsync the target's directory, and the parents of every directory this call created, so the
    /// new entries survive a power cut. A file on another file system is copied (by <see cref="File.Move(string, string, bool)"/>).
    /// </summary>
    /// <param name="deferred">When given, nothing is fsynced here: the file and the folders are added to this batch instead (Storage:SyncMode PerAssociation).</param>
    public static void MoveInto(string sourcePath, string targetPath, string stopAtDirectory, PendingSyncs? deferred = null)
    {
        if (deferred is null) SyncFile(sourcePath);
        var directory = Path.GetDirectoryName(targetPath)!;
        var created = new List<string>();
        for (var d = directory; d is not null && !Directory.Exists(d) && d.Length > stopAtDirectory.Length; d = Path.GetDirectoryName(d))
            created.Add(d);
        PrivateFiles.CreateDirectory(directory);
        File.Move(sourcePath, targetPath, overwrite: true);
        if (deferred is not null)
        {
            deferred.AddFile(targetPath);
            deferred.AddDirectory(directory);
            foreach (var d in created) deferred.AddDirectory(Path.GetDirectoryName(d)!);
            return;
        }
        SyncDirectory(directory);
        foreach (var d in created) SyncDirectory(Path.GetDirectoryName(d)!);
    }

    /// <summary>fsync(2) on a file's data and metadata (Linux and macOS); a no-op elsewhere.</summary>
    public static void SyncFile(string path)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            stream.Flush(flushToDisk: true);
            return;
        }
        var fd = Open(path, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"{path}: cannot open it to fsync (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"{path}: fsync failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally { _ = Close(fd); }
    }

    /// <summary>fsync(2) on a directory (Linux and macOS); a no-op elsewhere.</summary>
    public static void SyncDirectory(string directory)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return;
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0) return;
        try { _ = Fsync(fd); }
        finally { _ = Close(fd); }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
