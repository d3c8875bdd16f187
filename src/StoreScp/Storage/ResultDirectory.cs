using VoxDose.Dicom.IO;

namespace VoxDose.StoreScp.Storage;

/// <summary>
/// A computation's results folder (<c>results/{study}/r{revision}</c>) appears whole or not at all: the computation
/// writes into a staging folder beside it (<c>.r{revision}.{process}.{random}.tmp</c>, unique per node and process on
/// a shared storage root) and the folder is renamed into place, an atomic step on one POSIX file system (NFS
/// included). If two nodes computed the same revision at once (only after a split network or a node taken for dead
/// that was not), the first complete folder stays and the other node's is discarded: a reader never sees a mix.
/// </summary>
public static class ResultDirectory
{
    /// <summary>A new staging folder name beside <paramref name="target"/> (not created).</summary>
    public static string StagingFor(string target)
    {
        var full = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(full)!;
        PrivateFiles.CreateDirectory(parent);
        return Path.Combine(parent, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>
    /// Renames <paramref name="staging"/> to <paramref name="target"/>. When <paramref name="target"/> exists and
    /// <paramref name="isComplete"/> says it is complete (another node published the same revision first), it is kept
    /// and the staging folder deleted; an incomplete one (left by a version that wrote in place) is replaced.
    /// </summary>
    /// <returns>True when the staging folder became the target; false when an existing complete one was kept.</returns>
    public static bool Publish(string staging, string target, Func<string, bool> isComplete)
    {
        target = Path.GetFullPath(target);
        if (!Directory.Exists(staging)) return true; // nothing was written
        var parent = Path.GetDirectoryName(target)!;
        DurableFile.SyncDirectory(staging);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Directory.Move(staging, target);
                DurableFile.SyncDirectory(parent);
                return true;
            }
            catch (IOException) when (Directory.Exists(target) && attempt < 3)
            {
                if (isComplete(target))
                {
                    Discard(staging);
                    return false;
                }
                var aside = Path.Combine(parent, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.stale");
                try
                {
                    Directory.Move(target, aside);
                }
                catch (IOException) { } // moved or replaced by another node meanwhile: look again
                catch (UnauthorizedAccessException) { }
                Discard(aside);
            }
        }
    }

    /// <summary>
    /// How long a staging or set-aside folder may stay before <see cref="SweepAbandoned"/> takes it for the leftover of a
    /// node killed mid-computation: far longer than any computation runs.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// Deletes staging (<c>.r*.tmp</c>) and set-aside (<c>.r*.stale</c>) folders under <paramref name="resultsRoot"/>
    /// (<c>results/{study}/</c>) last written before <paramref name="olderThan"/>: what a node killed during a computation
    /// or a publish leaves behind. Published <c>r{revision}</c> folders are never touched. Returns how many it deleted.
    /// </summary>
    public static int SweepAbandoned(string resultsRoot, DateTime olderThan)
    {
        if (!Directory.Exists(resultsRoot)) return 0;
        var deleted = 0;
        foreach (var study in Directory.EnumerateDirectories(resultsRoot))
        {
            foreach (var folder in Directory.EnumerateDirectories(study, ".r*"))
            {
                var name = Path.GetFileName(folder);
                if (!name.EndsWith(".tmp", StringComparison.Ordinal) && !name.EndsWith(".stale", StringComparison.Ordinal)) continue;
                if (Directory.GetLastWriteTimeUtc(folder) >= olderThan) continue;
                Discard(folder);
                if (!Directory.Exists(folder)) deleted++;
            }
        }
        return deleted;
    }

    /// <summary>Deletes a staging folder (a failed or discarded computation); missing is fine.</summary>
    public static void Discard(string staging)
    {
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
