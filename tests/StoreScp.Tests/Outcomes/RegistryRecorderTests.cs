using Microsoft.Extensions.Logging.Abstractions;
using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Outcomes;
using VoxDose.StoreScp.Tests.Support;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Outcomes;

/// <summary>Issue 13: what the node's call into the registry does with the PET's patient and with what it cannot register.</summary>
public sealed class RegistryRecorderTests
{
    private const string Results = """{ "rois": [ { "name": "GTV 1", "role": "lesion", "meanGy": 88.0, "longestAxialDiameterMm": 30 } ] }""";

    private static string Pet(string dir, string? patientId, string? issuer)
    {
        var ds = SyntheticDicom.PetImage(0);
        if (patientId is null) ds.Remove(DicomTag.PatientID); else ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, patientId);
        if (issuer is not null) ds.AddOrUpdate(DicomTag.IssuerOfPatientID, DicomVR.LO, issuer);
        ds.AddOrUpdate(DicomTag.StudyDate, DicomVR.DA, "20250110");
        var path = Path.Combine(dir, "pet.dcm");
        DicomFile.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }

    private static StudyRecord Study(string uid) =>
        new(uid, StudyState.Assembled, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public async Task The_pets_patient_id_issuer_and_study_date_key_the_treatment()
    {
        var database = await TestDatabase.CreateSqliteAsync();
        var events = new EventRepository(database, TimeProvider.System);
        var dir = TestPaths.NewTempDirectory("voxdose-recorder");
        try
        {
            await RegistryRecorder.RecordAsync(database, TimeProvider.System, events, NullLogger.Instance, Study("2.25.5"), Pet(dir, "MRN-7", "HOSP-A"), 3, Results,
                CancellationToken.None);
            var lesion = Assert.Single(await new LesionRegistry(database, TimeProvider.System).CurrentLesionsAsync());
            Assert.Equal(("MRN-7", "HOSP-A", "2.25.5", new DateOnly(2025, 1, 10), "GTV 1", 88.0, 30.0),
                (lesion.PatientId, lesion.Issuer, lesion.StudyUid, lesion.StudyDate!.Value, lesion.RoiKey, lesion.Figures.TdvGy!.Value, lesion.Figures.LongestAxialDiameterMm!.Value));
            Assert.Contains(await events.ListAsync("2.25.5"), e => e.Kind == "lesions-recorded" && e.Detail == "revision 1: 1 lesion(s) recorded");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task A_pet_without_patient_id_is_not_registered_and_says_so_and_broken_results_are_audited_not_thrown()
    {
        var database = await TestDatabase.CreateSqliteAsync();
        var events = new EventRepository(database, TimeProvider.System);
        var dir = TestPaths.NewTempDirectory("voxdose-recorder");
        try
        {
            await RegistryRecorder.RecordAsync(database, TimeProvider.System, events, NullLogger.Instance, Study("2.25.6"), Pet(dir, null, null), 4, Results,
                CancellationToken.None);
            await RegistryRecorder.RecordAsync(database, TimeProvider.System, events, NullLogger.Instance, Study("2.25.7"), Pet(dir, "MRN-8", null), 5, "{ not json",
                CancellationToken.None);
            Assert.Empty(await new LesionRegistry(database, TimeProvider.System).CurrentLesionsAsync());
            Assert.Contains(await events.ListAsync("2.25.6"), e => e.Kind == "registry-skipped");
            Assert.Contains(await events.ListAsync("2.25.7"), e => e.Kind == "registry-failed");
        }
        finally { Directory.Delete(dir, true); }
    }
}
