using System.Text.Json;
using Microsoft.Extensions.Options;
using VoxDose.Dicom;
using VoxDose.Reporting;
using VoxDose.Reporting.Verification;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Pipeline;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Web.Review;

public sealed record ApprovalOutcome(bool Approved, string Message);

/// <summary>
/// A physicist approves one revision of a study: the SR is re-issued VERIFIED with the physicist as Verifying
/// Observer and the PDF re-issued with an approval line, both written durably next to the revision's outputs; the
/// approval, the export rows and an audit event are committed in one transaction; then the destinations' export jobs
/// are scheduled. With <c>Export:RequireApproval</c> the held rows are released (the SR and PDF rows now point at the
/// verified objects, so nothing unverified leaves); otherwise the verified SR and PDF are queued after the
/// UNVERIFIED ones already sent.
/// </summary>
public sealed class ApprovalService(AuditDatabase database, StudyRepository studies, ComputationRepository computations, EventRepository events,
    IJobScheduler scheduler, IOptions<VoxDoseOptions> options, TimeProvider time)
{
    public const string VerifiedSrFile = "sr-verified.dcm";
    public const string ApprovedPdfFile = "report-approved.pdf";
    public const string ApprovedPdfDicomFile = "report-pdf-approved.dcm";
    public const string VerifiedSrKind = "SrVerified";
    public const string ApprovedPdfKind = "PdfApproved";

    public async Task<ApprovalOutcome> ApproveAsync(string studyUid, long revision, string user, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyUid, ct).ConfigureAwait(false);
        if (study is null) return new ApprovalOutcome(false, "No such study.");
        if (study.Revision != revision) return new ApprovalOutcome(false, $"Revision {revision} is not the current revision ({study.Revision}).");
        if (study.State is not (StudyState.Reported or StudyState.Exported or StudyState.NotExported))
            return new ApprovalOutcome(false, $"The study is {study.State.ToText()}: only a reported or exported revision can be approved.");
        var computation = await computations.GetAsync(studyUid, revision, ct).ConfigureAwait(false);
        if (computation?.OutputDir is not { } dir || computation.OutputUids is not { } outputsJson)
            return new ApprovalOutcome(false, "The revision has no reports to approve.");
        var outputs = JsonSerializer.Deserialize<List<OutputObject>>(outputsJson) ?? [];
        var srPath = outputs.FirstOrDefault(o => o.Kind == "Sr")?.Path ?? Path.Combine(dir, ReportWriter.SrFile);
        var pdfDicomPath = outputs.FirstOrDefault(o => o.Kind == "Pdf")?.Path ?? Path.Combine(dir, ReportWriter.EncapsulatedPdfFile);

        var now = time.GetUtcNow();
        // Verifying Observer Name is a PN: a login name becomes the family-name component ("alice^"), not the retired form.
        var observer = user.Contains('^', StringComparison.Ordinal) ? user : user + "^";
        var approval = new ReportApproval(observer, options.Value.Export.CallingAeTitle is { Length: > 0 } ae ? $"VoxDose node {ae}" : "VoxDose", now);
        var verifiedSr = VerifiedSr.Build(DicomFile.Open(srPath).Dataset, approval);
        var pdf = File.ReadAllBytes(Path.Combine(dir, ReportWriter.PdfFile));
        var approvedPdf = ApprovedPdf.Stamp(pdf, approval);
        var approvedPdfDicom = ApprovedPdf.Encapsulate(DicomFile.Open(pdfDicomPath).Dataset, approvedPdf, approval);
        var srOut = Path.Combine(dir, VerifiedSrFile);
        var pdfDicomOut = Path.Combine(dir, ApprovedPdfDicomFile);
        WriteDurably(srOut, stream => DicomFile.Create(verifiedSr, DicomTransferSyntax.ExplicitVRLittleEndian).Save(stream));
        WriteDurably(Path.Combine(dir, ApprovedPdfFile), stream => stream.Write(approvedPdf));
        WriteDurably(pdfDicomOut, stream => DicomFile.Create(approvedPdfDicom, DicomTransferSyntax.ExplicitVRLittleEndian).Save(stream));
        var srUid = verifiedSr.GetString(DicomTag.SOPInstanceUID)!;
        var pdfUid = approvedPdfDicom.GetString(DicomTag.SOPInstanceUID)!;

        var destinations = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var c = await database.OpenAsync(ct).ConfigureAwait(false))
        await using (var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            if (!await ApprovalRepository.TryAddAsync(c, tx, studyUid, revision, user, now, srUid, pdfUid, ct).ConfigureAwait(false))
                return new ApprovalOutcome(false, $"Revision {revision} is already approved.");
            var rows = await c.QueryAsync(tx, "SELECT id, destination, object_kind, status FROM exports WHERE computation_id = @c",
                r => (Id: r.Long("id"), Destination: r.Text("destination")!, Kind: r.Text("object_kind")!, Status: r.Text("status")!), ct,
                ("@c", computation.Id)).ConfigureAwait(false);
            foreach (var row in rows.Where(r => r.Status == ExportRepository.Held))
            {
                // Held for approval: the SR and PDF rows now carry the verified objects, everything is released.
                var (path, uid) = row.Kind switch { "Sr" => (srOut, srUid), "Pdf" => (pdfDicomOut, pdfUid), _ => ((string?)null, (string?)null) };
                await c.ExecuteAsync(tx, """
                    UPDATE exports SET status = 'pending', next_attempt_at = @t, path = COALESCE(@p, path), sop_instance_uid = COALESCE(@u, sop_instance_uid)
                    WHERE id = @id AND status = 'held'
                    """, ct, ("@t", AuditTime.Format(now)), ("@p", path), ("@u", uid), ("@id", row.Id)).ConfigureAwait(false);
                destinations.Add(row.Destination);
            }
            foreach (var group in rows.Where(r => r.Status != ExportRepository.Held).GroupBy(r => r.Destination))
            {
                // Already sent UNVERIFIED (or on their way): the verified SR and approved PDF follow.
                if (group.Any(r => r.Kind == "Sr"))
                    await EnqueueAsync(c, tx, computation.Id, studyUid, group.Key, VerifiedSrKind, srUid, srOut, now, ct).ConfigureAwait(false);
                if (group.Any(r => r.Kind == "Pdf"))
                    await EnqueueAsync(c, tx, computation.Id, studyUid, group.Key, ApprovedPdfKind, pdfUid, pdfDicomOut, now, ct).ConfigureAwait(false);
                destinations.Add(group.Key);
            }
            await events.AddAsync(c, tx, "console", "approved", studyUid, $"revision {revision} approved by {user}; verified SR {srUid}", ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        foreach (var destination in destinations)
            await scheduler.ScheduleExportAsync(destination, now, ct).ConfigureAwait(false);
        if (study.State == StudyState.Exported && destinations.Count > 0)
            await studies.TransitionAsync(studyUid, revision, StudyState.Exported, StudyState.Reported, ct: ct).ConfigureAwait(false);
        return new ApprovalOutcome(true, $"Revision {revision} approved; the verified SR goes to {destinations.Count} destination(s).");
    }

    private static async Task EnqueueAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, long computationId, string studyUid,
        string destination, string kind, string uid, string path, DateTimeOffset now, CancellationToken ct) =>
        await c.ExecuteAsync(tx, """
            INSERT INTO exports (computation_id, study_uid, destination, object_kind, sop_instance_uid, path, status, created_at, next_attempt_at)
            VALUES (@c, @s, @d, @k, @u, @p, 'pending', @t, @t) ON CONFLICT (computation_id, destination, object_kind) DO NOTHING
            """, ct, ("@c", computationId), ("@s", studyUid), ("@d", destination), ("@k", kind), ("@u", uid), ("@p", path),
            ("@t", AuditTime.Format(now))).ConfigureAwait(false);

    private static void WriteDurably(string path, Action<Stream> write)
    {
        var temp = path + ".tmp";
        using (var stream = VoxDose.Dicom.IO.PrivateFiles.Create(temp, FileMode.Create))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        DurableFile.SyncDirectory(Path.GetDirectoryName(path)!);
    }
}
