using Microsoft.Extensions.Logging;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Planning;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>
/// The node's one call into the registry: when a revision's results are written, its lesions are recorded under the
/// PET's patient (Patient ID, Issuer of Patient ID) and treatment (the study, its Study Date). The dose results do not
/// depend on it: any failure here (an unreadable PET header, a database error) is logged and audited as an event
/// (registry-failed), and the study goes on. Results without a lesion register nothing.
/// </summary>
public static class RegistryRecorder
{
    public static async Task RecordAsync(AuditDatabase database, TimeProvider time, EventRepository events, ILogger logger,
        StudyRecord study, string? petFile, long computationId, string resultsJson, CancellationToken ct)
    {
        try
        {
            var lesions = LesionResults.Read(resultsJson);
            if (lesions.Count == 0) return; // nothing to register (no ROI with the lesion role)
            var identity = Identity(study, petFile);
            if (identity is null)
            {
                await events.AddAsync("registry", "registry-skipped", study.StudyUid,
                    $"revision {study.Revision}: no Patient ID in the PET; lesions not registered", ct).ConfigureAwait(false);
                OutcomesLog.RegistrySkipped(logger, study.StudyUid, study.Revision);
                return;
            }
            var recorded = await new LesionRegistry(database, time).RecordAsync(identity, study.Revision, computationId, lesions, ct).ConfigureAwait(false);
            await events.AddAsync("registry", "lesions-recorded", study.StudyUid, $"revision {study.Revision}: {recorded} lesion(s) recorded", ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            OutcomesLog.RegistryFailed(logger, e, study.StudyUid, study.Revision);
            await events.AddAsync("registry", "registry-failed", study.StudyUid, $"revision {study.Revision}: lesions not registered: {e.Message}", ct)
                .ConfigureAwait(false);
        }
    }

    private static TreatmentIdentity? Identity(StudyRecord study, string? petFile)
    {
        var pet = petFile is not null && File.Exists(petFile) ? PatientKey.Read(petFile) : null;
        var patientId = pet?.PatientId ?? study.PatientId?.Trim();
        if (string.IsNullOrWhiteSpace(patientId)) return null;
        return new TreatmentIdentity(patientId, pet?.IssuerOfPatientId ?? "", study.StudyUid, PatientKey.ParseDate(pet?.StudyDate ?? study.StudyDate));
    }
}
