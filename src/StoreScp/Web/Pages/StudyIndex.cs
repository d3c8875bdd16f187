using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Web.Pages;

/// <summary>
/// Fills <c>console_study_index</c> (patient ID and name, accession, study date, description) from one received
/// instance of each study not indexed yet, so the Studies page searches by index instead of opening files. Runs before
/// a search, a bounded number of studies at a time; a study whose file cannot be read is indexed with empty fields.
/// </summary>
public sealed class StudyIndex(AuditDatabase database)
{
    public const int BatchSize = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<int> IndexMissingAsync(CancellationToken ct, int limit = BatchSize)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
            var missing = await c.QueryAsync(null, """
                SELECT s.study_uid, (SELECT MIN(i.path) FROM instances i WHERE i.study_uid = s.study_uid) AS path
                FROM studies s WHERE NOT EXISTS (SELECT 1 FROM console_study_index x WHERE x.study_uid = s.study_uid) LIMIT @n
                """, r => (Study: r.Text("study_uid")!, Path: r.Text("path")), ct, ("@n", limit)).ConfigureAwait(false);
            foreach (var (study, path) in missing)
            {
                var header = ReadHeader(path);
                await c.ExecuteAsync(null, """
                    INSERT INTO console_study_index (study_uid, patient_id, patient_name, patient_name_upper, accession, study_date, study_description)
                    VALUES (@s, @pid, @pn, @pu, @acc, @d, @desc) ON CONFLICT (study_uid) DO NOTHING
                    """, ct, ("@s", study), ("@pid", header.PatientId), ("@pn", header.PatientName), ("@pu", NameKey(header.PatientName)),
                    ("@acc", header.Accession), ("@d", header.StudyDate), ("@desc", header.Description)).ConfigureAwait(false);
            }
            return missing.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The search key of a patient name: "Family^Given" as "FAMILY GIVEN", upper-case invariant.</summary>
    public static string NameKey(string name) => name.Replace('^', ' ').Trim().ToUpperInvariant();

    private sealed record Header(string PatientId, string PatientName, string Accession, string StudyDate, string Description);

    private static Header ReadHeader(string? path)
    {
        if (path is null || !File.Exists(path)) return new Header("", "", "", "", "");
        try
        {
            var ds = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true }).Dataset;
            string S(DicomTag tag) => ds.GetString(tag)?.Trim() ?? "";
            return new Header(S(DicomTag.PatientID), S(DicomTag.PatientName), S(DicomTag.AccessionNumber), S(DicomTag.StudyDate), S(DicomTag.StudyDescription));
        }
        catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException)
        {
            return new Header("", "", "", "", "");
        }
    }
}
