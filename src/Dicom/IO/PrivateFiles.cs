namespace VoxDose.Dicom.IO;

/// <summary>
/// Files and folders that hold patient data: 0600 and 0700 (owner only) whatever the process umask, on Linux and
/// macOS. Every place the node creates a file or folder asks here; on Windows the modes do not apply (ACLs inherit).
/// </summary>
public static class PrivateFiles
{
    /// <summary>rw------- : read and written by the node's user only.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ : listed and entered by the node's user only.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="path"/> and every missing parent with mode 0700 (the umask only removes bits, so 0700
    /// stays 0700; <see cref="Directory.CreateDirectory(string, UnixFileMode)"/> gives the mode to the last folder
    /// only). A folder that already exists keeps its mode.
    /// </summary>
    public static DirectoryInfo CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(path);
        var full = Path.GetFullPath(path);
        var missing = new Stack<string>();
        for (var d = full; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Push(d);
        var info = new DirectoryInfo(full);
        while (missing.TryPop(out var d)) info = Directory.CreateDirectory(d, DirectoryMode);
        return info;
    }

    /// <summary>Opens a new file created with mode 0600 (the mode is given to open(2), so the file is never readable by others).</summary>
    public static FileStream Create(string path, System.IO.FileMode mode, FileAccess access = FileAccess.Write, FileShare share = FileShare.None,
        int bufferSize = 4096, bool useAsync = false)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = access,
            Share = share,
            BufferSize = bufferSize,
            Options = useAsync ? FileOptions.Asynchronous : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    /// <summary>
    /// Sets an existing file to 0600 or folder to 0700 (for files a library created with its own mode, and for what an
    /// older version left behind). A path that does not exist is left alone.
    /// </summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (Directory.Exists(path)) File.SetUnixFileMode(path, DirectoryMode);
        else if (File.Exists(path)) File.SetUnixFileMode(path, FileMode);
    }

    /// <summary><see cref="Restrict"/> on a folder and everything under it.</summary>
    public static void RestrictTree(string directory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory)) return;
        Restrict(directory);
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)) Restrict(entry);
    }
}
