namespace VoxDose.StoreScp.Audit;

/// <summary>
/// Pipeline state of a study, persisted at each transition (stored lower-case). Received: instances arriving, no
/// complete Y-90 PET series yet. Assembled: ready to compute the current revision. Computed: dose and metrics
/// saved. Reported: RT Dose, SR and PDF written and queued for export. Exported: every export of the current
/// revision acknowledged. Failed: the pipeline cannot proceed (reason in the study row).
/// </summary>
public enum StudyState
{
    Received,
    Assembled,
    Computed,
    Reported,
    Exported,
    Failed,
}

public static class StudyStateText
{
    public static string ToText(this StudyState state) => state.ToString().ToLowerInvariant();

    public static StudyState Parse(string text) => Enum.Parse<StudyState>(text, ignoreCase: true);

    /// <summary>States a restart does not resume (nothing left to do until a new instance arrives).</summary>
    public static bool IsFinal(this StudyState state) => state is StudyState.Exported or StudyState.Failed;
}
