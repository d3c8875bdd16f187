namespace VoxDose.StoreScp.Audit;

/// <summary>
/// Pipeline state of a study, persisted at each transition (stored lower-case). See docs/operations.md, "Study states".
/// Intermediate: Received (instances arriving, no complete Y-90 PET series yet), Assembled (ready to compute the
/// current revision), Computed (dose map and results on disk, the database points at them), Reported (RT Dose, SR and
/// PDF written and queued for export). Ends: Exported (every export of the current revision acknowledged),
/// NotExported (reports written, nothing to send them to: the reason says why), Ignored (the quiet period passed and
/// the study has nothing VoxDose computes from: the reason says why), Failed (the error, and whether and when it is
/// tried again: retry_at).
/// </summary>
public enum StudyState
{
    Received,
    Assembled,
    Computed,
    Reported,
    Exported,
    Failed,
    Ignored,
    NotExported,
}

public static class StudyStateText
{
    public static string ToText(this StudyState state) => state.ToString().ToLowerInvariant();

    public static StudyState Parse(string text) => Enum.Parse<StudyState>(text, ignoreCase: true);

    /// <summary>States with nothing left to do until new input arrives, a retry falls due, or an operator asks.</summary>
    public static bool IsFinal(this StudyState state) =>
        state is StudyState.Exported or StudyState.Failed or StudyState.Ignored or StudyState.NotExported;
}
