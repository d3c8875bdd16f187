using VoxDose.StoreScp.Storage;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Storage;

/// <summary>
/// A node killed during a computation leaves its staging folder (<c>results/{study}/.r{rev}.{pid}.{random}.tmp</c>)
/// behind; the sweeper deletes such folders once they are older than any computation runs, and nothing else.
/// </summary>
public class AbandonedStagingTests
{
    [Fact]
    public void Old_staging_and_set_aside_folders_are_deleted_and_published_results_and_fresh_staging_are_kept()
    {
        var results = Path.Combine(TestPaths.NewTempDirectory("voxdose-abandoned"), "results");
        var study = Path.Combine(results, "1.2.3");
        var now = DateTime.UtcNow;
        string Folder(string name, TimeSpan age)
        {
            var path = Path.Combine(study, name);
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "results.json"), "{}");
            Directory.SetLastWriteTimeUtc(path, now - age);
            return path;
        }
        var published = Folder("r1", TimeSpan.FromDays(30));
        var oldStaging = Folder(".r2.4242.0123456789abcdef.tmp", TimeSpan.FromHours(25));
        var oldAside = Folder(".r1.4242.fedcba9876543210.stale", TimeSpan.FromHours(30));
        var running = Folder(".r3.4343.00112233445566778899.tmp", TimeSpan.FromMinutes(5));
        var foreign = Folder(".snapshot", TimeSpan.FromDays(30));

        var deleted = ResultDirectory.SweepAbandoned(results, now - ResultDirectory.AbandonedAfter);

        Assert.Equal(2, deleted);
        Assert.False(Directory.Exists(oldStaging));
        Assert.False(Directory.Exists(oldAside));
        Assert.True(File.Exists(Path.Combine(published, "results.json")));
        Assert.True(Directory.Exists(running));
        Assert.True(Directory.Exists(foreign));
        Assert.Equal(0, ResultDirectory.SweepAbandoned(Path.Combine(results, "missing"), now));
    }
}
