using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VoxDose.StoreScp.Web.Pages.Studies;

/// <summary>GET <c>/studies</c>: search by patient ID, name (prefix), accession, study date range and state; 50 per page, newest first.</summary>
public static class StudiesPage
{
    public static void Map(WebApplication app) =>
        app.MapGet("/studies", async (HttpContext http, ConsoleQueries queries, StudyIndex index, string? patientId, string? patientName,
            string? accession, string? from, string? to, string? state, int? page, CancellationToken ct) =>
        {
            await index.IndexMissingAsync(ct).ConfigureAwait(false);
            var filter = new StudyFilter(patientId, patientName, accession, from, to, state);
            var current = Math.Max(1, page ?? 1);
            var (rows, total) = await queries.SearchStudiesAsync(filter, current, ct).ConfigureAwait(false);
            return StudiesView.Render(http, filter, rows, total, current);
        }).RequireAuthorization(Security.ConsoleRoles.CanView);
}
