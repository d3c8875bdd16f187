using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoxDose.Reporting.Images;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Web.Review;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web.Pages.Study;

/// <summary>
/// GET <c>/studies/{uid}</c> (audited as a view), its images (<c>slice.png</c>, <c>dvh.png</c>, rendered on the server),
/// POST <c>/studies/{uid}/approve</c> (physicist) and POST <c>/exports/{id}/retry</c> (physicist).
/// </summary>
public static class StudyPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/studies/{uid}", ShowAsync).RequireAuthorization(ConsoleRoles.CanView);
        app.MapGet("/studies/{uid}/r{revision:long}/slice.png", SliceAsync).RequireAuthorization(ConsoleRoles.CanView);
        app.MapGet("/studies/{uid}/r{revision:long}/dvh.png", DvhAsync).RequireAuthorization(ConsoleRoles.CanView);
        app.MapPost("/studies/{uid}/approve", ApproveAsync).RequireAuthorization(ConsoleRoles.CanApprove);
        app.MapPost("/exports/{id:long}/retry", RetryAsync).RequireAuthorization(ConsoleRoles.CanApprove);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string uid, StudyIndex index, ConsoleQueries queries, StudyRepository studies,
        ComputationRepository computations, ExportRepository exports, EventRepository events, ApprovalRepository approvals, CancellationToken ct)
    {
        await index.IndexMissingAsync(ct).ConfigureAwait(false);
        var header = await queries.StudyHeaderAsync(uid, ct).ConfigureAwait(false);
        if (header is null) return Layout.Page(http, "Study not found", Html.Of($"<p class=\"error\">No study {uid}.</p>"), StatusCodes.Status404NotFound);
        await events.AddAsync("console", "study-viewed", uid, $"by {http.User.Identity?.Name}", ct).ConfigureAwait(false);
        var model = new StudyModel(
            header,
            await studies.SeriesAsync(uid, ct).ConfigureAwait(false),
            await computations.ForStudyAsync(uid, ct).ConfigureAwait(false),
            await exports.ForStudyAsync(uid, ct).ConfigureAwait(false),
            await approvals.ForStudyAsync(uid, ct).ConfigureAwait(false),
            await events.ListAsync(uid, ct).ConfigureAwait(false));
        var attempts = new Dictionary<long, List<ExportAttemptRecord>>();
        foreach (var e in model.Exports) attempts[e.Id] = await exports.AttemptsAsync(e.Id, ct).ConfigureAwait(false);
        return StudyView.Render(http, model, attempts, http.Request.Query["notice"].ToString());
    }

    private static async Task<IResult> SliceAsync(string uid, long revision, int? k, double? petPercent, double? doseMaxGy, ViewerCache cache, CancellationToken ct)
    {
        ViewerVolumes v;
        try { v = await cache.GetAsync(uid, revision, ct).ConfigureAwait(false); }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or Dicom.DicomDataException)
        {
            return Results.NotFound(e.Message);
        }
        var slice = Math.Clamp(k ?? v.DefaultSlice, 0, v.DoseGy.SizeZ - 1);
        var petUpper = v.PetMaxBqPerMl * Math.Clamp(petPercent ?? 100, 1, 400) / 100.0;
        var doseMax = doseMaxGy is { } d && d > 0 && double.IsFinite(d) ? d : v.DoseMaxGy;
        var rendered = FusionRenderer.Render(v.PetBqPerMl, v.DoseGy, slice, new FusionScale(doseMax), new PetWindow(petUpper, PetWindowSource.ActiveVoxels),
            v.Outlines, $"Revision {revision}: PET + dose");
        return Results.Bytes(rendered.Png, "image/png");
    }

    private static async Task<IResult> DvhAsync(string uid, long revision, ComputationRepository computations, CancellationToken ct)
    {
        var computation = await computations.GetAsync(uid, revision, ct).ConfigureAwait(false);
        var results = ResultsDocument.Parse(computation?.Results);
        if (results is null) return Results.NotFound("No results for this revision.");
        return Results.Bytes(DvhPlot.RenderPng(results.Rois), "image/png");
    }

    private static async Task<IResult> ApproveAsync(HttpContext http, string uid, IAntiforgery antiforgery, ApprovalService approvals, CancellationToken ct)
    {
        if (await Forms.RejectForgeryAsync(http, antiforgery).ConfigureAwait(false) is { } rejected) return rejected;
        var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
        if (!long.TryParse(form["revision"], out var revision)) return Results.BadRequest("revision is required");
        var outcome = await approvals.ApproveAsync(uid, revision, http.User.Identity!.Name!, ct).ConfigureAwait(false);
        return Results.Redirect($"/studies/{Uri.EscapeDataString(uid)}?notice={Uri.EscapeDataString(outcome.Message)}");
    }

    private static async Task<IResult> RetryAsync(HttpContext http, long id, IAntiforgery antiforgery, ConsoleQueries queries, AuditDatabase database,
        StudyRepository studies, EventRepository events, IJobScheduler scheduler, TimeProvider time, CancellationToken ct)
    {
        if (await Forms.RejectForgeryAsync(http, antiforgery).ConfigureAwait(false) is { } rejected) return rejected;
        var export = await queries.ExportAsync(id, ct).ConfigureAwait(false);
        if (export is null) return Results.NotFound("No such export.");
        var now = time.GetUtcNow();
        int changed;
        await using (var c = await database.OpenAsync(ct).ConfigureAwait(false))
        {
            changed = await c.ExecuteAsync(null, "UPDATE exports SET status = 'pending', next_attempt_at = @t WHERE id = @id AND status IN ('pending', 'failed')", ct,
                ("@t", AuditTime.Format(now)), ("@id", id)).ConfigureAwait(false);
        }
        var message = "Nothing to retry: the export was already sent or is held for approval.";
        if (changed > 0)
        {
            // A study failed only because of its exports goes back to Reported, so a successful send ends in Exported.
            var study = await studies.GetAsync(export.StudyUid, ct).ConfigureAwait(false);
            if (study is { State: StudyState.Failed } && study.Error?.StartsWith("export failed", StringComparison.Ordinal) == true)
                await studies.TransitionAsync(study.StudyUid, study.Revision, StudyState.Failed, StudyState.Reported, ct: ct).ConfigureAwait(false);
            await events.AddAsync("console", "export-retry", export.StudyUid, $"export {id} ({export.ObjectKind} to {export.Destination}) retried by {http.User.Identity?.Name}", ct).ConfigureAwait(false);
            await scheduler.ScheduleExportAsync(export.Destination, now, ct).ConfigureAwait(false);
            message = $"Export {id} is due now.";
        }
        return Results.Redirect($"/studies/{Uri.EscapeDataString(export.StudyUid)}?notice={Uri.EscapeDataString(message)}");
    }
}

public sealed record StudyModel(StudyRow Header, IReadOnlyList<SeriesRecord> Series, IReadOnlyList<ComputationRecord> Computations,
    IReadOnlyList<ExportRecord> Exports, IReadOnlyList<ApprovalRecord> Approvals, IReadOnlyList<AuditEvent> Events);
