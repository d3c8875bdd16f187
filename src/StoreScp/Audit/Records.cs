namespace VoxDose.StoreScp.Audit;

/// <summary>
/// A study row. Error: why it Failed; Reason: why it ended Ignored or NotExported; Attempts: failed attempts of the
/// current revision; RetryAt: when a Failed study is tried again (null: not automatically). PatientId, AccessionNumber
/// and StudyDate are PHI, for <c>audit list</c> filters only, never logged. Method: the dose method an operator asked
/// for (<c>studies reprocess --method</c>), null for the node's.
/// </summary>
public sealed record StudyRecord(string StudyUid, StudyState State, long Revision, DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt, DateTimeOffset StateChangedAt, string? Error, string? Reason = null, long Attempts = 0,
    DateTimeOffset? RetryAt = null, string? PatientId = null, string? AccessionNumber = null, string? StudyDate = null,
    string? Method = null);

public sealed record SeriesRecord(string SeriesUid, string StudyUid, string Modality, SeriesRole Role, string? FrameOfReferenceUid,
    long? ExpectedInstances, long ReceivedInstances, DateTimeOffset LastReceivedAt, DateTimeOffset? CompletedAt, string? Reason);

public sealed record InstanceRecord(long Id, string SopInstanceUid, long Version, string SopClassUid, string SeriesUid, string StudyUid,
    string Sha256, long SizeBytes, DateTimeOffset ReceivedAt, string Path, long? AssociationId);

public sealed record AssociationRecord(long Id, string CallingAe, string CalledAe, string PeerAddress, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, long InstancesReceived, long InstancesFailed, string? Outcome,
    string? Node = null);

public sealed record ComputationRecord(long Id, string StudyUid, long Revision, string Status, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, string? Method, string? Kernel, string? Parameters, string? SoftwareVersion, string? Inputs,
    string? Results, string? OutputUids, string? OutputDir, string? Error, string? Node = null);

public sealed record ExportRecord(long Id, long ComputationId, string StudyUid, string Destination, string ObjectKind,
    string SopInstanceUid, string Path, string Status, long Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt, string? LastError);

public sealed record ExportAttemptRecord(long Id, long ExportId, DateTimeOffset AttemptedAt, string Status, long? DicomStatus, string? Error,
    string? Node = null);

public sealed record AuditEvent(long Id, DateTimeOffset At, string Component, string Kind, string? StudyUid, string Detail, string? Node = null);
