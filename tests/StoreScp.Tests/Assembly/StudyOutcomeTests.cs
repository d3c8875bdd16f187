using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Ingest;
using VoxDose.StoreScp.Tests.Support;

namespace VoxDose.StoreScp.Tests.Assembly;

/// <summary>Studies VoxDose cannot compute from end Ignored, with their reason, once the quiet period has passed (regressions: they stayed Received forever).</summary>
public class StudyOutcomeTests
{
    private static InstanceHeader Ct(int i) =>
        new(IngestRig.Study, "1.2.826.0.1.3680043.10.1.3", $"1.2.826.0.1.3680043.10.1.3.{i}", DicomUids.CTImageStorage, "CT", "1.2.3.9");

    /// <summary>An F-18 FDG PET: code C-111A1, half-life 6586.2 s (109.77 min).</summary>
    private static InstanceHeader F18Pet(int i) =>
        new(IngestRig.Study, "1.2.826.0.1.3680043.10.1.4", $"1.2.826.0.1.3680043.10.1.4.{i}", DicomUids.PETImageStorage, "PT", "1.2.3.9", 2,
            "C-111A1", 6586.2, "Fluorodeoxyglucose F^18^");

    [Fact]
    public async Task Ct_only_study_ends_Ignored_with_reason_after_the_quiet_period()
    {
        var rig = await IngestRig.CreateAsync(quietSeconds: 30);
        await rig.SendAsync(Ct(1));
        await rig.SendAsync(Ct(2));
        Assert.Equal(StudyState.Received, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
        var check = rig.Scheduled("pipeline")[^1];
        Assert.Equal(rig.Time.GetUtcNow() + TimeSpan.FromSeconds(30), check.At);

        rig.Time.Advance(TimeSpan.FromSeconds(29));
        await rig.Assembler.CheckStudyAsync(IngestRig.Study);
        Assert.Equal(StudyState.Received, (await rig.Studies.GetAsync(IngestRig.Study))!.State); // not before the quiet period

        rig.Time.Advance(TimeSpan.FromSeconds(1));
        await rig.Assembler.CheckStudyAsync(IngestRig.Study);
        var study = (await rig.Studies.GetAsync(IngestRig.Study))!;
        Assert.Equal((StudyState.Ignored, "no Y-90 PET: CT only"), (study.State, study.Reason));
        Assert.True(study.State.IsFinal());
        var ignored = Assert.Single(await rig.Events.ListAsync(IngestRig.Study), e => e.Kind == "study-ignored");
        Assert.Equal("no Y-90 PET: CT only", ignored.Detail);
    }

    [Fact]
    public async Task F18_pet_study_ends_Ignored_with_reason()
    {
        var rig = await IngestRig.CreateAsync(quietSeconds: 30);
        await rig.SendAsync(F18Pet(1));
        await rig.SendAsync(F18Pet(2));
        await rig.SendAsync(Ct(1));
        rig.Time.Advance(TimeSpan.FromSeconds(31));
        await rig.Assembler.CheckStudyAsync(IngestRig.Study);
        var study = (await rig.Studies.GetAsync(IngestRig.Study))!;
        Assert.Equal(StudyState.Ignored, study.State);
        Assert.StartsWith("no Y-90 PET: ", study.Reason, StringComparison.Ordinal);
        Assert.Contains("not Y-90", study.Reason, StringComparison.Ordinal);
        Assert.Contains("6586.2", study.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_arrival_rearms_the_quiet_period_and_a_Y90_pet_reopens_an_ignored_study()
    {
        var rig = await IngestRig.CreateAsync(quietSeconds: 30);
        await rig.SendAsync(Ct(1));
        rig.Time.Advance(TimeSpan.FromSeconds(20));
        await rig.SendAsync(Ct(2));
        rig.Time.Advance(TimeSpan.FromSeconds(15)); // 35 s after the first, 15 s after the last
        await rig.Assembler.CheckStudyAsync(IngestRig.Study);
        Assert.Equal(StudyState.Received, (await rig.Studies.GetAsync(IngestRig.Study))!.State);
        rig.Time.Advance(TimeSpan.FromSeconds(15));
        await rig.Assembler.CheckStudyAsync(IngestRig.Study);
        Assert.Equal(StudyState.Ignored, (await rig.Studies.GetAsync(IngestRig.Study))!.State);

        for (var i = 1; i <= 3; i++) await rig.SendAsync(IngestRig.Pet(i));
        var study = (await rig.Studies.GetAsync(IngestRig.Study))!;
        Assert.Equal((StudyState.Assembled, 1L, (string?)null), (study.State, study.Revision, study.Reason));
    }

    [Fact]
    public async Task Identifiers_are_stored_for_audit_filters_and_never_printed()
    {
        var rig = await IngestRig.CreateAsync();
        var header = IngestRig.Pet(1) with { Identifiers = new StudyIdentifiers("PAT-007", "ACC-42", "20260304") };
        await rig.SendAsync(header);
        Assert.DoesNotContain("PAT-007", header.ToString(), StringComparison.Ordinal);
        var found = Assert.Single(await rig.Studies.FindAsync(new StudyFilter(PatientId: "PAT-007")));
        Assert.Equal(("ACC-42", "20260304"), (found.AccessionNumber, found.StudyDate));
        Assert.Single(await rig.Studies.FindAsync(new StudyFilter(AccessionNumber: "ACC-42", Date: new DateOnly(2026, 3, 4), State: StudyState.Received)));
        Assert.Empty(await rig.Studies.FindAsync(new StudyFilter(PatientId: "PAT-008")));
        Assert.Empty(await rig.Studies.FindAsync(new StudyFilter(Date: new DateOnly(2026, 3, 5))));
    }
}
