namespace VoxDose.Dosimetry.Metrics;

/// <summary>Stable codes of the study-level flags (<see cref="Pipeline.DoseStudyResult.Flags"/>), not bound to one ROI.</summary>
public static class StudyFlagCodes
{
    /// <summary>Activity found in the PET outside the configured window of the expected activity.</summary>
    public const string ActivityRecovery = "ACTIVITY_RECOVERY";

    /// <summary>No administered activity (header or configuration): the recovery was not checked (a note, not an alarm).</summary>
    public const string AdministeredActivityUnknown = "ADMINISTERED_ACTIVITY_UNKNOWN";

    /// <summary>The header half-life was not Y-90's and 230 580 s was used instead (e.g. an F-18 mislabel).</summary>
    public const string HalfLifeOverridden = "HALF_LIFE_OVERRIDDEN";
}
