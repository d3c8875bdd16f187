using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Pipeline;

/// <summary>
/// Where a Failed study resumes, decided from what is stored: after a failed export, at Reported (its failed exports
/// queued again); with results on disk ('computed'), at Computed (no recomputation); otherwise at Assembled.
/// Used by the automatic retry and by <c>voxdose studies retry</c>.
/// </summary>
public static class StudyResumption
{
    public static async Task<StudyState?> ResumeAsync(StudyRecord study, StudyRepository studies, ComputationRepository computations,
        ExportRepository exports, bool byOperator, CancellationToken ct)
    {
        if (study.State != StudyState.Failed) return null;
        var computation = await computations.GetAsync(study.StudyUid, study.Revision, ct).ConfigureAwait(false);
        var to = computation?.Status switch
        {
            "reported" => StudyState.Reported,
            "computed" => StudyState.Computed,
            _ => StudyState.Assembled,
        };
        if (!await studies.ResumeAsync(study.StudyUid, study.Revision, StudyState.Failed, to, byOperator, ct).ConfigureAwait(false)) return null;
        if (to == StudyState.Reported) await exports.RequeueAsync(computation!.Id, null, ct).ConfigureAwait(false);
        return to;
    }
}
