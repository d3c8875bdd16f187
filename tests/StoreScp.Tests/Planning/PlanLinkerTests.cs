using Microsoft.Extensions.Options;
using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Planning;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Planning;

/// <summary>The link rule of docs/planning.md: same Patient ID and Issuer, MAA study date 0 to LinkWindowDays before the PET's, the most recent wins.</summary>
public class PlanLinkerTests
{
    private static readonly ManualTimeProvider Clock = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    private static string Pet(string dir, string? patientId, string? issuer, string? studyDate)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, "1.2.9");
        if (patientId is not null) ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, patientId);
        if (issuer is not null) ds.AddOrUpdate(DicomTag.IssuerOfPatientID, DicomVR.LO, issuer);
        if (studyDate is not null) ds.AddOrUpdate(DicomTag.StudyDate, DicomVR.DA, studyDate);
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, DicomVR.UI, "1.2.840.99.8");
        var path = Path.Combine(dir, DicomUid.Generate() + ".dcm");
        DicomFile.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }

    private static async Task<(PlanRepository Plans, PlanLinker Linker)> RigAsync(double windowDays = 60)
    {
        var db = await TestDatabase.CreateSqliteAsync();
        var plans = new PlanRepository(db, Clock);
        var options = new VoxDoseOptions { Planning = new PlanningSectionOptions { LinkWindowDays = windowDays } };
        return (plans, new PlanLinker(plans, new StudyRepository(db, Clock), new InstanceRepository(db, Clock), Options.Create(options)));
    }

    [Fact]
    public async Task The_most_recent_plan_of_the_same_patient_and_issuer_within_the_window_is_linked()
    {
        var dir = TestPaths.NewTempDirectory("plan-link");
        var (plans, linker) = await RigAsync();
        await plans.RecordAsync("1.1.old", 1, "P1", "HOSP", "20260101", "/old/plan.json", null, "[]");
        await plans.RecordAsync("1.1.new", 1, "P1", "HOSP", "20260120", "/new-r1/plan.json", null, "[]");
        await plans.RecordAsync("1.1.new", 2, "P1", "HOSP", "20260120", "/new-r2/plan.json", null, "[]");
        await plans.RecordAsync("1.1.other-issuer", 1, "P1", "OTHER", "20260125", "/other/plan.json", null, "[]");
        await plans.RecordAsync("1.1.other-patient", 1, "P2", "HOSP", "20260126", "/p2/plan.json", null, "[]");
        await plans.RecordAsync("1.1.after", 1, "P1", "HOSP", "20260205", "/after/plan.json", null, "[]");

        var link = await linker.LinkAsync("1.2.9", Pet(dir, "P1", "HOSP", "20260127"), default);

        Assert.Equal(("1.1.new", "/new-r2/plan.json"), (link.PlanStudyUid, link.PlanJsonPath));
        Assert.Contains("7 day(s) before", link.Statement, StringComparison.Ordinal);
        Assert.Contains("most recent of 2", link.Statement, StringComparison.Ordinal);
        Assert.Contains("per lesion only", link.VoxelComparison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_plan_in_another_frame_without_a_spatial_registration_is_compared_per_lesion_only_and_says_so()
    {
        var dir = TestPaths.NewTempDirectory("plan-link");
        var planDir = Directory.CreateDirectory(Path.Combine(dir, "plan")).FullName;
        await File.WriteAllTextAsync(Path.Combine(planDir, MaaPlanRunner.PredictedDoseFile), "present");
        var (plans, linker) = await RigAsync();
        await plans.RecordAsync("1.1.maa", 1, "P1", null, "20260101", Path.Combine(planDir, "plan.json"), "1.2.840.99.7", "[]");

        var link = await linker.LinkAsync("1.2.9", Pet(dir, "P1", null, "20260108"), default);

        Assert.NotNull(link.PlanId);
        Assert.Null(link.RegistrationFile);
        Assert.Contains("no DICOM Spatial Registration object", link.VoxelComparison, StringComparison.Ordinal);
        Assert.Contains("1.2.840.99.7", link.VoxelComparison, StringComparison.Ordinal);
        Assert.EndsWith("per lesion only", link.VoxelComparison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_outside_the_window_is_not_linked_and_the_statement_says_so()
    {
        var dir = TestPaths.NewTempDirectory("plan-link");
        var (plans, linker) = await RigAsync(windowDays: 30);
        await plans.RecordAsync("1.1.old", 1, "P1", null, "20251201", "/old/plan.json", null, "[]");

        var link = await linker.LinkAsync("1.2.9", Pet(dir, "P1", null, "20260101"), default); // 31 days

        Assert.Null(link.PlanId);
        Assert.Null(link.PlanJsonPath);
        Assert.StartsWith("No plan linked", link.Statement, StringComparison.Ordinal);
        Assert.Contains("0 to 30 days", link.Statement, StringComparison.Ordinal);
        Assert.Contains("1 plan revision(s) of this patient fall outside it", link.Statement, StringComparison.Ordinal);
        Assert.NotNull((await linker.LinkAsync("1.2.9", Pet(dir, "P1", null, "20251231"), default)).PlanId); // 30 days: inside
    }

    [Fact]
    public async Task No_patient_id_or_no_study_date_links_nothing_and_says_which()
    {
        var dir = TestPaths.NewTempDirectory("plan-link");
        var (plans, linker) = await RigAsync();
        await plans.RecordAsync("1.1.a", 1, "P1", null, "20260101", "/a/plan.json", null, "[]");
        Assert.Contains("no Patient ID", (await linker.LinkAsync("1.2.9", Pet(dir, null, null, "20260102"), default)).Statement, StringComparison.Ordinal);
        Assert.Contains("no valid Study Date", (await linker.LinkAsync("1.2.9", Pet(dir, "P1", null, null), default)).Statement, StringComparison.Ordinal);
        // An issuer on one side only is another patient: never guessed to be the same.
        Assert.Null((await linker.LinkAsync("1.2.9", Pet(dir, "P1", "HOSP", "20260102"), default)).PlanId);
    }
}
