using Microsoft.AspNetCore.Http;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Web.Pages.Events;

public static class EventsView
{
    public static IResult Events(HttpContext http, string? component, string? kind, string? study, IReadOnlyList<AuditEvent> events) =>
        Layout.Page(http, "Events", Html.Of($"""
            <form method="get" action="/events" class="search">
              <input name="component" placeholder="Component (scp, pipeline, console...)" value="{component}">
              <input name="kind" placeholder="Kind" value="{kind}">
              <input name="study" placeholder="Study Instance UID" value="{study}">
              <button type="submit">Filter</button>
            </form>
            <table id="events"><tr><th>#</th><th>When</th><th>Component</th><th>Kind</th><th>Study</th><th>Detail</th></tr>
            {Html.Join(events, e => Html.Of($"<tr><td class=\"num\">{e.Id}</td><td>{Layout.When(e.At)}</td><td>{e.Component}</td><td>{e.Kind}</td><td>{(e.StudyUid is null ? Html.Empty : Html.Of($"<a href=\"/studies/{e.StudyUid}\">{e.StudyUid}</a>"))}</td><td>{e.Detail}</td></tr>"))}
            </table>
            """));

    public static IResult Associations(HttpContext http, string? callingAe, string? outcome, IReadOnlyList<AssociationRecord> rows) =>
        Layout.Page(http, "Associations", Html.Of($"""
            <form method="get" action="/associations" class="search">
              <input name="callingAe" placeholder="Calling AE" value="{callingAe}">
              <input name="outcome" placeholder="Outcome (released, aborted, rejected...)" value="{outcome}">
              <button type="submit">Filter</button>
            </form>
            <table id="associations"><tr><th>#</th><th>Calling AE</th><th>Called AE</th><th>Peer</th><th>Started</th><th>Ended</th><th>Received</th><th>Failed</th><th>Outcome</th></tr>
            {Html.Join(rows, a => Html.Of($"<tr><td class=\"num\">{a.Id}</td><td>{a.CallingAe}</td><td>{a.CalledAe}</td><td>{a.PeerAddress}</td><td>{Layout.When(a.StartedAt)}</td><td>{Layout.When(a.EndedAt)}</td><td class=\"num\">{a.InstancesReceived}</td><td class=\"num\">{a.InstancesFailed}</td><td>{a.Outcome ?? "open"}</td></tr>"))}
            </table>
            """));
}
