using Microsoft.AspNetCore.Http;
using VoxDose.Reporting.Model;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Web.Pages.Studies;

public static class StudiesView
{
    public static IResult Render(HttpContext http, StudyFilter f, IReadOnlyList<StudyRow> rows, long total, int page)
    {
        var states = Html.Join(new[] { "" }.Concat(Enum.GetValues<StudyState>().Select(s => s.ToText())), s =>
            Html.Of($"<option value=\"{s}\"{(string.Equals(s, f.State, StringComparison.OrdinalIgnoreCase) ? Html.Raw(" selected") : Html.Empty)}>{(s.Length == 0 ? "any state" : s)}</option>"));
        var form = Html.Of($"""
            <form method="get" action="/studies" class="search" id="search">
              <input name="patientId" placeholder="Patient ID" value="{f.PatientId}">
              <input name="patientName" placeholder="Patient name (starts with)" value="{f.PatientName}">
              <input name="accession" placeholder="Accession" value="{f.Accession}">
              <input name="from" type="date" value="{DateInput(f.DateFrom)}" title="Study date from">
              <input name="to" type="date" value="{DateInput(f.DateTo)}" title="Study date to">
              <select name="state">{states}</select>
              <button type="submit" id="search-button">Search</button>
            </form>
            """);
        var table = Html.Of($"""
            <p>{total} stud{(total == 1 ? "y" : "ies")}; page {page} of {Math.Max(1, (total + ConsoleQueries.PageSize - 1) / ConsoleQueries.PageSize)}.</p>
            <table id="studies"><tr><th>Patient</th><th>Patient ID</th><th>Accession</th><th>Study date</th><th>Description</th><th>State</th><th>Rev.</th><th>Last received</th></tr>
            {Html.Join(rows, r => Html.Of($"""
                <tr><td><a href="/studies/{r.StudyUid}">{Name(r.PatientName)}</a></td><td>{r.PatientId}</td><td>{r.Accession}</td>
                <td>{PatientStudyHeader.FormatDate(r.StudyDate)}</td><td>{r.Description}</td><td><span class="state state-{r.State.ToText()}">{r.State.ToText()}</span></td>
                <td class="num">{r.Revision}</td><td>{Layout.When(r.LastReceivedAt)}</td></tr>
                """))}
            </table>
            {Pager(http, page, total)}
            """);
        return Layout.Page(http, "Studies", Html.Of($"{form}{table}"));
    }

    private static string Name(string pn) => pn.Length == 0 ? "(no name)" : new PatientStudyHeader { StudyInstanceUid = "-", PatientName = pn }.PatientNameForDisplay;

    private static string? DateInput(string? text) => ConsoleQueries.DicomDate(text) is { } d ? $"{d[..4]}-{d[4..6]}-{d[6..]}" : null;

    private static Html Pager(HttpContext http, int page, long total)
    {
        var pages = (total + ConsoleQueries.PageSize - 1) / ConsoleQueries.PageSize;
        string Link(int p)
        {
            var query = http.Request.Query.Where(q => q.Key != "page").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"page={p}");
            return "/studies?" + string.Join("&", query);
        }
        var previous = page > 1 ? Html.Of($"<a href=\"{Link(page - 1)}\" id=\"previous\">previous</a> ") : Html.Empty;
        var next = page < pages ? Html.Of($"<a href=\"{Link(page + 1)}\" id=\"next\">next</a>") : Html.Empty;
        return Html.Of($"<p>{previous}{next}</p>");
    }
}
