namespace VoxDose.StoreScp.Ingest;

/// <summary>
/// Patient ID (0010,0020), Accession Number (0008,0050) and Study Date (0008,0020) of a received instance: PHI, kept
/// in the audit database so <c>audit list</c> can find a study, never logged (<see cref="ToString"/> hides them).
/// </summary>
public sealed record StudyIdentifiers(string? PatientId, string? AccessionNumber, string? StudyDate)
{
    public override string ToString() => "[identifiers withheld]";
}
