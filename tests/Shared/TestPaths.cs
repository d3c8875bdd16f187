namespace VoxDose.Tests.Shared;

/// <summary>Where the tests find the repository, the shared reference data and pydicom's test corpus.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding VoxDose.sln).</summary>
    public static string RepoRoot { get; } = FindUp(AppContext.BaseDirectory, "VoxDose.sln")
        ?? throw new InvalidOperationException("Cannot find VoxDose.sln above " + AppContext.BaseDirectory);

    /// <summary><c>../shared/reference</c> beside the repository (kernel data, constants).</summary>
    public static string SharedReference
    {
        get
        {
            // Beside the repository (/work/main -> /work/shared) or beside the worktrees' folder (/work/wt/x -> /work/shared).
            var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference"));
            var worktreeCandidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "..", "shared", "reference"));
            return Directory.Exists(candidate) ? candidate
                : Directory.Exists(worktreeCandidate) ? worktreeCandidate
                : throw new DirectoryNotFoundException($"Shared reference data not found at {candidate} nor {worktreeCandidate}.");
        }
    }

    /// <summary>pydicom's test files as Debian's python3-pydicom ships them.</summary>
    public const string PydicomTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    public static string NewTempDirectory(string prefix = "voxdose-test")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string? FindUp(string start, string marker)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, marker))) return dir.FullName;
        return null;
    }
}
