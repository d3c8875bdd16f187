namespace VoxDose.Reporting.Verification;

/// <summary>
/// Who approved a revision and when: the Verifying Observer of the SR (PS3.3 C.17.2) and the approval line of the
/// PDF. <paramref name="ObserverName"/> is the console user in DICOM PN form ("Family^Given" or a login name).
/// </summary>
public sealed record ReportApproval(string ObserverName, string Organization, DateTimeOffset ApprovedAt, string Role = "physicist");
