using Microsoft.AspNetCore.Http;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Web.Pages.Overview;

public static class OverviewView
{
    public static IResult Render(HttpContext http, OverviewData d, VoxDoseOptions options, int? port, long? freeBytes)
    {
        var listener = port is { } p
            ? Html.Of($"<span class=\"ok\">{options.Scp.AeTitle} on {options.Scp.BindAddress}:{p}{(options.Scp.Tls.Enabled ? " (TLS)" : "")}</span>")
            : Html.Raw("<span class=\"bad\">not listening</span>");
        var minFree = options.Storage.MinFreeMegabytes;
        var disk = freeBytes is { } f
            ? Html.Of($"<span class=\"{(f / 1048576.0 < minFree * 2 ? "bad" : "ok")}\">{f / 1073741824.0:0.0} GB free</span> (refuses below {minFree} MB)")
            : Html.Raw("<span class=\"bad\">unknown</span>");
        var states = Html.Join(d.ByState, s => Html.Of($"<tr><td><a href=\"/studies?state={s.Key}\">{s.Key}</a></td><td class=\"num\">{s.Value}</td></tr>"));
        var failing = d.FailingExports.Count == 0 ? Html.Raw("<p class=\"ok\">None.</p>") : Html.Of($"""
            <table><tr><th>Study</th><th>Object</th><th>Destination</th><th>Attempts</th><th>Last error</th></tr>
            {Html.Join(d.FailingExports, e => Html.Of($"<tr><td><a href=\"/studies/{e.StudyUid}\">{e.StudyUid}</a></td><td>{e.ObjectKind}</td><td>{e.Destination}</td><td class=\"num\">{e.Attempts}</td><td>{e.LastError}</td></tr>"))}
            </table>
            """);
        var problems = d.LastProblems.Count == 0 ? Html.Raw("<p>None.</p>") : Html.Of($"""
            <table><tr><th>When</th><th>Component</th><th>Kind</th><th>Study</th><th>Detail</th></tr>
            {Html.Join(d.LastProblems, e => Html.Of($"<tr><td>{Layout.When(e.At)}</td><td>{e.Component}</td><td>{e.Kind}</td><td>{(e.StudyUid is null ? Html.Empty : Html.Of($"<a href=\"/studies/{e.StudyUid}\">{e.StudyUid}</a>"))}</td><td>{e.Detail}</td></tr>"))}
            </table>
            """);
        var body = Html.Of($"""
            <div class="cards">
              <div class="card"><div>Listener</div><div class="value" id="listener">{listener}</div></div>
              <div class="card"><div>Associations now</div><div class="value">{d.AssociationsOpen}</div></div>
              <div class="card"><div>Instances today (UTC)</div><div class="value">{d.InstancesToday}</div></div>
              <div class="card"><div>Studies today (UTC)</div><div class="value">{d.StudiesToday}</div></div>
              <div class="card"><div>Failing exports</div><div class="value {(d.FailingExports.Count > 0 ? "bad" : "")}">{d.FailingExports.Count}</div></div>
              <div class="card"><div>Disk</div><div class="value">{disk}</div></div>
            </div>
            <h2>Work per state</h2><table><tr><th>State</th><th>Studies</th></tr>{states}</table>
            <h2>Failing exports</h2>{failing}
            <h2>Last problems</h2>{problems}
            """);
        return Layout.Page(http, "Overview", body);
    }
}
