namespace VoxDose.StoreScp.Audit;

/// <summary>A received instance, durably spooled, about to be recorded. UIDs are validated before this is built.</summary>
public sealed record InstanceArrival(
    string StudyUid, string SeriesUid, string SopInstanceUid, string SopClassUid, string Modality, SeriesRole Role,
    string? RoleReason, string? FrameOfReferenceUid, int? ExpectedInstances, string Sha256, long SizeBytes, string Path,
    long? AssociationId, Ingest.StudyIdentifiers? Identifiers = null);

/// <summary>What recording an arrival did.</summary>
public enum ArrivalKind
{
    /// <summary>Same SOP Instance UID and same content as a stored version: nothing changes, no reprocessing.</summary>
    Duplicate,
    NewInstance,

    /// <summary>Same SOP Instance UID, different content: kept beside the earlier versions; the study is reprocessed.</summary>
    NewVersion,
}

/// <param name="Series">The series row as this arrival's transaction left it (null for a duplicate): the assembler judges
/// completeness from it instead of reading the series again.</param>
public sealed record ArrivalOutcome(ArrivalKind Kind, long Version, StudyState StudyState, long StudyRevision, bool RevisionBumped,
    SeriesRecord? Series = null);
