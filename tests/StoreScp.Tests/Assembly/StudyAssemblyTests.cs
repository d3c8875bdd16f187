using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Ingest;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Dicom;

namespace VoxDose.StoreScp.Tests.Assembly;

public class StudyAssemblyTests
{
    [Fact]
    public async Task A_pet_series_completes_when_number_of_slices_is_reached_and_starts_the_pipeline()
    {
        var rig = await IngestRig.CreateAsync();
        Assert.Equal(VoxDose.Dicom.Network.Dimse.DimseStatus.Success, await rig.SendAsync(IngestRig.Pet(1)));
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(VoxDose.Dicom.Network.Dimse.DimseStatus.Success, await rig.SendAsync(IngestRig.Pet(2)));
        Assert.Empty(rig.Scheduled("pipeline"));
        Assert.Equal(rig.Time.GetUtcNow().AddSeconds(30), rig.Scheduled("series")[^1].At);
        Assert.Equal(StudyState.Received, (await rig.Studies.GetAsync(IngestRig.Study))!.State);

        rig.Time.Advance(TimeSpan.FromSeconds(1));
        await rig.SendAsync(IngestRig.Pet(3));
        Assert.Equal(StudyState.Assembled, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
        Assert.Equal((IngestRig.Study, rig.Time.GetUtcNow()), (rig.Scheduled("pipeline")[^1].Key, rig.Scheduled("pipeline")[^1].At));
    }

    [Fact]
    public async Task Without_a_count_the_quiet_period_decides_and_each_arrival_re_arms_it()
    {
        var rig = await IngestRig.CreateAsync(quietSeconds: 30);
        var t0 = rig.Time.GetUtcNow();
        await rig.SendAsync(IngestRig.Pet(1, numberOfSlices: null));
        rig.Time.Advance(TimeSpan.FromSeconds(20));
        await rig.SendAsync(IngestRig.Pet(2, numberOfSlices: null));
        Assert.Equal(t0.AddSeconds(50), rig.Scheduled("series")[^1].At);

        rig.Time.Advance(TimeSpan.FromSeconds(10)); // t0+30: the first timer fires, but the series was re-armed
        await rig.Assembler.CheckSeriesAsync(IngestRig.PetSeries);
        Assert.Equal(StudyState.Received, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
        Assert.Equal(t0.AddSeconds(50), rig.Scheduled("series")[^1].At);

        rig.Time.Advance(TimeSpan.FromSeconds(20)); // t0+50
        await rig.Assembler.CheckSeriesAsync(IngestRig.PetSeries);
        Assert.Equal(StudyState.Assembled, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
        Assert.Single(rig.Scheduled("pipeline"));
        var series = (await rig.Studies.GetSeriesAsync(IngestRig.PetSeries))!;
        Assert.Equal(2, series.ReceivedInstances);
        Assert.NotNull(series.CompletedAt);
    }

    [Fact]
    public async Task After_a_restart_the_quiet_period_counts_from_the_restart_not_from_the_last_arrival()
    {
        // Regression: killed at 81 of 200 instances, the node restarted after the quiet period had passed and computed
        // the study on 81 instances before the sender resumed.
        var rig = await IngestRig.CreateAsync(quietSeconds: 5);
        await rig.SendAsync(IngestRig.Pet(1, numberOfSlices: 200));
        await rig.SendAsync(IngestRig.Pet(2, numberOfSlices: 200));
        rig.Time.Advance(TimeSpan.FromSeconds(20)); // the node is down for 20 s
        var restarted = rig.Restart();
        rig.Scheduler.Calls.Clear();

        await restarted.CheckSeriesAsync(IngestRig.PetSeries);
        Assert.Equal(StudyState.Received, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
        Assert.Equal(rig.Time.GetUtcNow().AddSeconds(5), rig.Scheduled("series")[^1].At);

        rig.Time.Advance(TimeSpan.FromSeconds(5)); // nobody resumed within a quiet period after the restart
        await restarted.CheckSeriesAsync(IngestRig.PetSeries);
        Assert.Equal(StudyState.Assembled, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
    }

    [Fact]
    public async Task A_duplicate_resend_refreshes_the_series_quiet_timer()
    {
        // Regression: after a kill -9 the sender resent the instances already acknowledged; those duplicates did not
        // count as activity, the quiet period expired during the slow resend and the series was judged complete at 85 of 200.
        var rig = await IngestRig.CreateAsync(quietSeconds: 5);
        var t0 = rig.Time.GetUtcNow();
        await rig.SendAsync(IngestRig.Pet(1, numberOfSlices: 200));
        await rig.SendAsync(IngestRig.Pet(2, numberOfSlices: 200));
        rig.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(VoxDose.Dicom.Network.Dimse.DimseStatus.Success, await rig.SendAsync(IngestRig.Pet(1, numberOfSlices: 200))); // the resend

        rig.Time.Advance(TimeSpan.FromSeconds(2)); // t0+6: quiet since the first arrivals, not since the resend
        await rig.Assembler.CheckSeriesAsync(IngestRig.PetSeries);
        Assert.Equal(StudyState.Received, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
        Assert.Equal(t0.AddSeconds(9), rig.Scheduled("series")[^1].At);
        var series = (await rig.Studies.GetSeriesAsync(IngestRig.PetSeries))!;
        Assert.Equal((2L, t0.AddSeconds(4)), (series.ReceivedInstances, series.LastReceivedAt));

        rig.Time.Advance(TimeSpan.FromSeconds(3)); // t0+9: quiet for 5 s after the resend
        await rig.Assembler.CheckSeriesAsync(IngestRig.PetSeries);
        Assert.Equal(StudyState.Assembled, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
    }

    [Fact]
    public async Task Received_count_stays_exact_with_duplicates_new_versions_and_an_instance_moved_between_series()
    {
        // The count is kept incrementally (no COUNT(DISTINCT) per arrival); the oracle is the distinct SOP Instance
        // UIDs of the series' instance rows.
        var rig = await IngestRig.CreateAsync();
        const string other = "1.2.3.77";
        await rig.SendAsync(IngestRig.Pet(1, numberOfSlices: 10));
        await rig.SendAsync(IngestRig.Pet(2, numberOfSlices: 10));
        await rig.SendAsync(IngestRig.Pet(2, numberOfSlices: 10)); // duplicate
        await rig.SendAsync(IngestRig.Pet(2, numberOfSlices: 10), content: "corrected pixels"); // new version, same series
        await rig.SendAsync(IngestRig.Pet(1, numberOfSlices: 10)); // duplicate again
        await rig.SendAsync(IngestRig.Pet(3, numberOfSlices: 10));
        // The same SOP Instance UID with new content in another series: counted there, not twice here.
        var moved = IngestRig.Pet(3, numberOfSlices: 10) with { SeriesUid = other };
        await rig.SendAsync(moved, content: "moved");
        await rig.SendAsync(moved, content: "moved"); // duplicate of the moved one
        await rig.SendAsync(moved, content: "moved again"); // a third version, already in that series

        var rows = await rig.Instances.ForStudyAsync(IngestRig.Study);
        foreach (var uid in new[] { IngestRig.PetSeries, other })
        {
            var distinct = rows.Where(r => r.SeriesUid == uid).Select(r => r.SopInstanceUid).Distinct().LongCount();
            Assert.Equal(distinct, (await rig.Studies.GetSeriesAsync(uid))!.ReceivedInstances);
        }
        Assert.Equal(3, (await rig.Studies.GetSeriesAsync(IngestRig.PetSeries))!.ReceivedInstances);
        Assert.Equal(1, (await rig.Studies.GetSeriesAsync(other))!.ReceivedInstances);
    }

    [Fact]
    public async Task An_rtstruct_arriving_after_processing_gives_a_new_revision_that_is_processed_again()
    {
        var rig = await IngestRig.CreateAsync();
        for (var i = 1; i <= 3; i++) await rig.SendAsync(IngestRig.Pet(i));
        var study = (await rig.Studies.GetAsync(IngestRig.Study))!;
        Assert.True(await rig.Studies.TransitionAsync(study.StudyUid, 1, StudyState.Assembled, StudyState.Computed));
        Assert.True(await rig.Studies.TransitionAsync(study.StudyUid, 1, StudyState.Computed, StudyState.Reported));
        Assert.True(await rig.Studies.TransitionAsync(study.StudyUid, 1, StudyState.Reported, StudyState.Exported));
        rig.Scheduler.Calls.Clear();

        await rig.SendAsync(IngestRig.RtStruct());
        study = (await rig.Studies.GetAsync(IngestRig.Study))!;
        Assert.Equal(2, study.Revision);
        Assert.Equal(StudyState.Assembled, study.State);
        Assert.Single(rig.Scheduled("pipeline"));
        Assert.Contains(await rig.Events.ListAsync(IngestRig.Study), e => e.Kind == "new-revision");
        // A transition prepared for the old revision can no longer be taken.
        Assert.False(await rig.Studies.TransitionAsync(study.StudyUid, 1, StudyState.Assembled, StudyState.Computed));
    }

    [Fact]
    public async Task An_rtstruct_before_the_pet_is_kept_without_starting_anything()
    {
        var rig = await IngestRig.CreateAsync();
        await rig.SendAsync(IngestRig.RtStruct());
        var study = (await rig.Studies.GetAsync(IngestRig.Study))!;
        Assert.Equal((StudyState.Received, 1L), (study.State, study.Revision));
        // Nothing starts: the only timer is the end of the quiet period, when a study still without Y-90 PET is ignored.
        Assert.Equal([rig.Time.GetUtcNow() + TimeSpan.FromSeconds(30)], rig.Scheduled("pipeline").Select(c => c.At));
        Assert.Equal(SeriesRole.RtStruct, (await rig.Studies.GetSeriesAsync(IngestRig.RtSeries))!.Role);
    }

    [Fact]
    public async Task Same_instance_same_content_is_acknowledged_without_reprocessing_and_different_content_is_a_new_version()
    {
        var rig = await IngestRig.CreateAsync();
        for (var i = 1; i <= 3; i++) await rig.SendAsync(IngestRig.Pet(i));
        await rig.Studies.TransitionAsync(IngestRig.Study, 1, StudyState.Assembled, StudyState.Computed);
        rig.Scheduler.Calls.Clear();

        Assert.Equal(VoxDose.Dicom.Network.Dimse.DimseStatus.Success, await rig.SendAsync(IngestRig.Pet(2)));
        Assert.Empty(rig.Scheduler.Calls);
        Assert.Equal(1, (await rig.Studies.GetAsync(IngestRig.Study))!.Revision);

        Assert.Equal(VoxDose.Dicom.Network.Dimse.DimseStatus.Success, await rig.SendAsync(IngestRig.Pet(2), content: "corrected pixels"));
        var instances = await rig.Instances.ForStudyAsync(IngestRig.Study);
        Assert.Equal(4, instances.Count);
        Assert.Equal([1L, 2L], instances.Where(i => i.SopInstanceUid.EndsWith(".2", StringComparison.Ordinal)).Select(i => i.Version).Order());
        var study = (await rig.Studies.GetAsync(IngestRig.Study))!;
        Assert.Equal(2, study.Revision);
        // The PET series re-opened: complete again at once because all 3 slices are in, so the study is assembled again.
        Assert.Equal(StudyState.Assembled, study.State);
        Assert.Single(rig.Scheduled("pipeline"));
        Assert.Equal(3, (await rig.Instances.LatestOfSeriesAsync(IngestRig.PetSeries)).Count);
    }

    [Fact]
    public async Task Objects_the_pipeline_does_not_use_are_stored_and_the_reason_audited()
    {
        var rig = await IngestRig.CreateAsync();
        var f18 = IngestRig.Pet(1) with { SeriesUid = "1.2.3.77", SopInstanceUid = "1.2.3.77.1", RadionuclideCode = "77004003", RadionuclideHalfLifeS = 6586.2 };
        var sr = new InstanceHeader(IngestRig.Study, "1.2.3.78", "1.2.3.78.1", DicomUids.ComprehensiveSRStorage, "SR");
        Assert.Equal(VoxDose.Dicom.Network.Dimse.DimseStatus.Success, await rig.SendAsync(f18));
        Assert.Equal(VoxDose.Dicom.Network.Dimse.DimseStatus.Success, await rig.SendAsync(sr));
        var events = await rig.Events.ListAsync(IngestRig.Study);
        Assert.Equal(2, events.Count(e => e.Kind == "ignored"));
        Assert.Contains(events, e => e.Detail.Contains("not Y-90", StringComparison.Ordinal) && e.Detail.Contains("6586.2", StringComparison.Ordinal));
        // No computation: only the end-of-quiet-period check that ends the study Ignored.
        Assert.All(rig.Scheduled("pipeline"), c => Assert.Equal(rig.Time.GetUtcNow() + TimeSpan.FromSeconds(30), c.At));
        Assert.Empty(rig.Scheduled("series"));
    }

    [Fact]
    public async Task Disk_below_watermark_refuses_with_A700_and_an_audit_line()
    {
        var rig = await IngestRig.CreateAsync(freeBytes: 1000);
        Assert.Equal(0xA700, await rig.SendAsync(IngestRig.Pet(1)));
        Assert.Null(await rig.Studies.GetAsync(IngestRig.Study));
        Assert.Contains(await rig.Events.ListAsync(null), e => e.Kind == "refused-disk-full");
    }

    [Fact]
    public async Task A_bad_uid_is_refused_with_C000_and_nothing_is_written()
    {
        var rig = await IngestRig.CreateAsync();
        Assert.Equal(0xC000, await rig.SendAsync(IngestRig.Pet(1) with { SopInstanceUid = "../../../../tmp/x" }));
        Assert.Contains(await rig.Events.ListAsync(null), e => e.Kind == "refused-invalid-uid");
        Assert.Empty(await rig.Instances.ForStudyAsync(IngestRig.Study));
    }
}
