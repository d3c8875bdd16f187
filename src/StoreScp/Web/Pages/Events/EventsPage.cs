using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web.Pages.Events;

/// <summary>GET <c>/events</c> (filter by component, kind, study) and GET <c>/associations</c> (filter by calling AE, outcome); newest 500.</summary>
public static class EventsPage
{
    public const int Limit = 500;

    public static void Map(WebApplication app)
    {
        app.MapGet("/events", async (HttpContext http, ConsoleQueries queries, string? component, string? kind, string? study, CancellationToken ct) =>
            EventsView.Events(http, component, kind, study, await queries.EventsAsync(component, kind, study, Limit, ct).ConfigureAwait(false)))
            .RequireAuthorization(ConsoleRoles.CanView);
        app.MapGet("/associations", async (HttpContext http, ConsoleQueries queries, string? callingAe, string? outcome, CancellationToken ct) =>
            EventsView.Associations(http, callingAe, outcome, await queries.AssociationsAsync(callingAe, outcome, Limit, ct).ConfigureAwait(false)))
            .RequireAuthorization(ConsoleRoles.CanView);
    }
}
