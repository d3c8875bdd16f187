using VoxDose.StoreScp.Storage;
using VoxDose.StoreScp.Tests.Support;

namespace VoxDose.StoreScp.Tests.Storage;

/// <summary>
/// Issue 11, "Disk full": at 0 bytes a C-STORE got no A700 (the association dropped, or SQLite's "database or disk is
/// full" aborted it), and the watermark guarded the spool only. The ingest path, below and at the end of the disk.
/// </summary>
public class DiskFullStatusTests
{
    [Fact]
    public async Task Watermark_is_checked_before_the_spool_file_and_the_audit_rows_of_the_instance_regression()
    {
        var rig = await IngestRig.CreateAsync(freeBytes: 1000);
        Assert.Equal(0xA700, await rig.SendAsync(IngestRig.Pet(1)));
        // Nothing of the instance was written: no spool file, no instance, series or study row (only the refusal event).
        Assert.False(Directory.Exists(rig.Spool.SpoolRoot) && Directory.EnumerateFiles(rig.Spool.SpoolRoot, "*", SearchOption.AllDirectories).Any());
        Assert.Empty(await rig.Instances.ForStudyAsync(IngestRig.Study));
        Assert.Null(await rig.Studies.GetAsync(IngestRig.Study));
        Assert.Equal(["refused-disk-full"], (await rig.Events.ListAsync(null)).Select(e => e.Kind));
    }

    public static TheoryData<string> DiskFullErrors => ["ENOSPC", "SQLITE_FULL"];

    [Theory]
    [MemberData(nameof(DiskFullErrors))]
    public async Task ENOSPC_or_SQLITE_FULL_while_storing_is_answered_A700_not_an_abort_regression(string error)
    {
        // The disk fills between the watermark check and the write: the write itself fails with ENOSPC (errno 28, an
        // IOException) or SQLite reports SQLITE_FULL (13). Either is answered A700 (out of resources), not 0110 or an abort.
        var rig = await IngestRig.CreateAsync(probe: new FailingProbe(error == "ENOSPC"
            ? new IOException("No space left on device", 28)
            : new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13)));
        Assert.Equal(0xA700, await rig.SendAsync(IngestRig.Pet(1)));
        Assert.Empty(await rig.Instances.ForStudyAsync(IngestRig.Study));
    }

    /// <summary>Free space is plenty until the write: then the write fails as a full disk does.</summary>
    private sealed class FailingProbe(Exception error) : IDiskSpaceProbe
    {
        public long AvailableBytes(string path) => throw error;
    }
}
