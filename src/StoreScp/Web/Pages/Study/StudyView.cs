using Microsoft.AspNetCore.Http;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting.Model;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web.Pages.Study;

public static class StudyView
{
    public static IResult Render(HttpContext http, StudyModel m, IReadOnlyDictionary<long, List<ExportAttemptRecord>> attempts, string? notice)
    {
        var h = m.Header;
        var current = m.Computations.FirstOrDefault(c => c.Revision == h.Revision);
        var results = ResultsDocument.Parse(current?.Results);
        var canApprove = http.User.IsInRole(ConsoleRole.Physicist.ToText());
        var name = h.PatientName.Length == 0 ? "(no name)" : new PatientStudyHeader { StudyInstanceUid = h.StudyUid, PatientName = h.PatientName }.PatientNameForDisplay;
        var body = Html.Of($"""
            {(string.IsNullOrEmpty(notice) ? Html.Empty : Html.Of($"<p class=\"notice\" id=\"notice\">{notice}</p>"))}
            <table id="header">
              <tr><th>Patient</th><td>{name}</td><th>Patient ID</th><td>{h.PatientId}</td></tr>
              <tr><th>Accession</th><td>{h.Accession}</td><th>Study date</th><td>{PatientStudyHeader.FormatDate(h.StudyDate)}</td></tr>
              <tr><th>Description</th><td>{h.Description}</td><th>Study UID</th><td>{h.StudyUid}</td></tr>
              <tr><th>State</th><td><span class="state state-{h.State.ToText()}" id="state">{h.State.ToText()}</span> {h.Error}</td><th>Revision</th><td>{h.Revision}</td></tr>
            </table>
            {Approval(http, m, current, canApprove)}
            {Results(m, current, results)}
            <h2>Series</h2>
            <table><tr><th>Series UID</th><th>Modality</th><th>Role</th><th>Instances</th><th>Completed</th><th>Note</th></tr>
            {Html.Join(m.Series, s => Html.Of($"<tr><td>{s.SeriesUid}</td><td>{s.Modality}</td><td>{s.Role}</td><td class=\"num\">{s.ReceivedInstances}{(s.ExpectedInstances is { } e ? $" / {e}" : "")}</td><td>{Layout.When(s.CompletedAt)}</td><td>{s.Reason}</td></tr>"))}
            </table>
            {Revisions(m)}
            {Exports(http, m, attempts, canApprove)}
            <h2>Audit trail</h2>
            <table id="audit"><tr><th>When</th><th>Component</th><th>Kind</th><th>Detail</th></tr>
            {Html.Join(m.Events.OrderByDescending(e => e.Id), e => Html.Of($"<tr><td>{Layout.When(e.At)}</td><td>{e.Component}</td><td>{e.Kind}</td><td>{e.Detail}</td></tr>"))}
            </table>
            """);
        return Layout.Page(http, $"Study: {name}", body);
    }

    private static Html Approval(HttpContext http, StudyModel m, ComputationRecord? current, bool canApprove)
    {
        var approved = m.Approvals.FirstOrDefault(a => a.Revision == m.Header.Revision);
        if (approved is not null)
            return Html.Of($"<p class=\"notice\" id=\"approved\">Revision {approved.Revision} approved by {approved.ApprovedBy} on {Layout.When(approved.ApprovedAt)}; verified SR {approved.VerifiedSrUid}.</p>");
        if (current is null || m.Header.State is not (StudyState.Reported or StudyState.Exported or StudyState.NotExported))
            return Html.Raw("<p>Not ready for review.</p>");
        if (!canApprove) return Html.Raw("<p>Awaiting approval by a physicist.</p>");
        var fields = Html.Of($"""<input type="hidden" name="revision" value="{m.Header.Revision}"><button type="submit" id="approve">Approve revision {m.Header.Revision} (issue the VERIFIED SR)</button>""");
        return Layout.Form(http, $"/studies/{Uri.EscapeDataString(m.Header.StudyUid)}/approve", fields);
    }

    private static Html Results(StudyModel m, ComputationRecord? current, ResultsDocument? r)
    {
        if (current is null) return Html.Raw("<p>No computation yet.</p>");
        if (r is null) return Html.Of($"<p>Revision {current.Revision}: {current.Status} {current.Error}</p>");
        var rev = current.Revision;
        var uid = Uri.EscapeDataString(m.Header.StudyUid);
        var calc = Html.Join(r.Calculation, p => Html.Of($"<tr><th>{p.Name}</th><td>{p.Value}</td></tr>"));
        var rois = Html.Join(r.Rois, roi => Html.Of($"""
            <tr><td>{roi.Name}</td><td>{roi.Role}</td><td class="num">{ReportFormat.Ml(roi.VolumeMl)}</td><td class="num">{ReportFormat.Gy(roi.MeanGy)}</td>
            <td class="num">{ReportFormat.Gy(roi.MedianGy)}</td><td class="num">{ReportFormat.Optional(roi.DxGy, 70, ReportFormat.Gy)}</td>
            <td class="num">{ReportFormat.Optional(roi.DxGy, 90, ReportFormat.Gy)}</td><td class="num">{ReportFormat.Gy(roi.MaxGy)}</td>
            <td>{Html.Join(roi.Flags, f => Html.Of($"<span class=\"flag\" title=\"{f.Message} ({f.Source})\">{f.Code}</span>"))}</td></tr>
            """));
        return Html.Of($"""
            <h2>Y-90 evidence</h2><ul id="evidence">{Html.Join(r.Y90Evidence, e => Html.Of($"<li>{e}</li>"))}</ul>
            <h2>Calculation record (revision {rev})</h2>
            <table><tr><th>started</th><td>{Layout.When(current.StartedAt)}</td></tr><tr><th>finished</th><td>{Layout.When(current.FinishedAt)}</td></tr>
            <tr><th>software</th><td>{current.SoftwareVersion}</td></tr>{calc}</table>
            <h2>Regions of interest</h2>
            <table id="rois"><tr><th>ROI</th><th>Role</th><th>Volume (mL)</th><th>Mean (Gy)</th><th>Median (Gy)</th><th>D70 (Gy)</th><th>D90 (Gy)</th><th>Max (Gy)</th><th>Flags</th></tr>{rois}</table>
            <h2>QA flags</h2>
            {(r.GlobalFlags.Count == 0 ? Html.Raw("<p>None.</p>") : Html.Of($"<ul id=\"qa\">{Html.Join(r.GlobalFlags, f => Html.Of($"<li><span class=\"flag\">{f.Code}</span> {f.Message} <small>({f.Source})</small></li>"))}</ul>"))}
            {(r.Notes.Count == 0 ? Html.Empty : Html.Of($"<ul>{Html.Join(r.Notes, n => Html.Of($"<li>{n}</li>"))}</ul>"))}
            <h2>Dose-volume histogram</h2>
            <img id="dvh" src="/studies/{uid}/r{rev}/dvh.png" alt="Cumulative DVH" width="760" height="470">
            <h2>Slices</h2>
            <div class="viewer" id="viewer" data-src="/studies/{uid}/r{rev}/slice.png">
              <img id="slice" src="/studies/{uid}/r{rev}/slice.png?k={DefaultSlice(m)}" alt="PET with dose wash and contours" tabindex="0">
              <div class="controls">
                <label>Slice <span id="slice-label"></span><input type="range" id="slice-index" min="0" max="{SliceCount(m) - 1}" value="{DefaultSlice(m)}"></label>
                <label>PET window top <span id="pet-max-label">100 %</span><input type="range" id="pet-max" min="10" max="200" value="100"></label>
                <label>Dose range top <span id="dose-max-label"></span><input type="range" id="dose-max" min="1" max="{DoseRangeMax(r)}" value="{DoseRangeDefault(r)}"></label>
                <p>Mouse wheel or arrow keys: next / previous slice. Images are rendered by the node.</p>
              </div>
            </div>
            """);
    }

    /// <summary>Slices of the viewer: the instances of the completed Y-90 PET series (one per slice; the server clamps anyway).</summary>
    private static int SliceCount(StudyModel m) =>
        (int)Math.Max(1, m.Series.Where(s => s.Role == SeriesRole.Y90Pet && s.CompletedAt is not null).Select(s => s.ReceivedInstances).DefaultIfEmpty(1).Max());

    private static int DefaultSlice(StudyModel m) => SliceCount(m) / 2;

    private static int DoseRangeMax(ResultsDocument r) => (int)Math.Ceiling(Math.Max(1, r.Rois.Select(x => x.MaxGy).Where(double.IsFinite).DefaultIfEmpty(100).Max()) * 2);

    private static int DoseRangeDefault(ResultsDocument r) => (int)Math.Ceiling(Math.Max(1, r.Rois.Select(x => x.MaxGy).Where(double.IsFinite).DefaultIfEmpty(100).Max()));

    private static Html Revisions(StudyModel m)
    {
        var rows = new List<Html>();
        IReadOnlyList<(string Name, double MeanGy)> previous = [];
        foreach (var c in m.Computations.OrderBy(c => c.Revision))
        {
            var doses = ResultsSummary.MeanDoses(c.Results);
            var diff = string.Join("; ", doses.Select(d =>
            {
                var before = previous.FirstOrDefault(p => p.Name == d.Name);
                return before.Name is null ? $"{d.Name} new" : $"{d.Name} {d.MeanGy - before.MeanGy:+0.0;-0.0;0.0} Gy";
            }).Concat(previous.Where(p => doses.All(d => d.Name != p.Name)).Select(p => $"{p.Name} removed")));
            var approval = m.Approvals.FirstOrDefault(a => a.Revision == c.Revision);
            rows.Add(Html.Of($"""
                <tr><td class="num">{c.Revision}</td><td>{c.Status}</td><td>{Layout.When(c.StartedAt)}</td><td>{ResultsSummary.KeyDoses(c.Results)}</td>
                <td>{(c.Revision == 1 ? "" : diff)}</td><td>{(approval is null ? "" : $"{approval.ApprovedBy}, {Layout.When(approval.ApprovedAt)}")}</td><td>{c.Error}</td></tr>
                """));
            previous = doses;
        }
        return Html.Of($"""
            <h2>Revisions</h2>
            <table id="revisions"><tr><th>Rev.</th><th>Status</th><th>Started</th><th>Key mean doses</th><th>Difference to previous (mean)</th><th>Approved</th><th>Error</th></tr>{Html.Join(rows)}</table>
            """);
    }

    private static Html Exports(HttpContext http, StudyModel m, IReadOnlyDictionary<long, List<ExportAttemptRecord>> attempts, bool canRetry)
    {
        var rows = Html.Join(m.Exports, e => Html.Of($"""
            <tr><td class="num">{e.Id}</td><td>{e.ObjectKind}</td><td>{e.Destination}</td><td><span class="state">{e.Status}</span></td><td class="num">{e.Attempts}</td>
            <td>{Layout.When(e.LastAttemptAt)}</td><td>{e.LastError}</td>
            <td>{Html.Join(attempts.GetValueOrDefault(e.Id) ?? [], a => Html.Of($"<div>{Layout.When(a.AttemptedAt)} {a.Status}{(a.DicomStatus is { } s ? $" 0x{s:X4}" : "")} {a.Error}</div>"))}</td>
            <td>{(canRetry && e.Status is ExportRepository.Failed or ExportRepository.Pending
                ? Layout.Form(http, $"/exports/{e.Id}/retry", Html.Raw("<button type=\"submit\" class=\"retry\">Retry now</button>"))
                : Html.Empty)}</td></tr>
            """));
        return Html.Of($"""
            <h2>Exports</h2>
            <table id="exports"><tr><th>#</th><th>Object</th><th>Destination</th><th>Status</th><th>Attempts</th><th>Last attempt</th><th>Last error</th><th>Attempt log</th><th></th></tr>{rows}</table>
            """);
    }
}
