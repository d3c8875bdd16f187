using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web.Pages.Users;

/// <summary>GET <c>/users</c>, POST <c>/users</c> (add or reset), POST <c>/users/{name}/delete</c>: administrators only.</summary>
public static class UsersPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/users", async (HttpContext http, UserRepository users, CancellationToken ct) =>
            UsersView.Render(http, await users.ListAsync(ct).ConfigureAwait(false), http.Request.Query["notice"].ToString()))
            .RequireAuthorization(ConsoleRoles.CanAdminister);
        app.MapPost("/users", async (HttpContext http, IAntiforgery antiforgery, UserRepository users, EventRepository events, CancellationToken ct) =>
        {
            if (await Forms.RejectForgeryAsync(http, antiforgery).ConfigureAwait(false) is { } rejected) return rejected;
            var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
            var name = form["name"].ToString().Trim();
            if (!ConsoleRoles.TryParse(form["role"], out var role)) return Results.BadRequest("role must be viewer, physicist or admin");
            try
            {
                await users.AddOrUpdateAsync(name, role, form["password"].ToString(), ct).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                return Results.Redirect("/users?notice=" + Uri.EscapeDataString(e.Message));
            }
            await events.AddAsync("console", "user-saved", null, $"user {name} ({role.ToText()}) saved by {http.User.Identity?.Name}", ct).ConfigureAwait(false);
            return Results.Redirect("/users?notice=" + Uri.EscapeDataString($"User {name} saved."));
        }).RequireAuthorization(ConsoleRoles.CanAdminister);
        app.MapPost("/users/{name}/delete", async (HttpContext http, string name, IAntiforgery antiforgery, UserRepository users, EventRepository events,
            CancellationToken ct) =>
        {
            if (await Forms.RejectForgeryAsync(http, antiforgery).ConfigureAwait(false) is { } rejected) return rejected;
            if (string.Equals(name, http.User.Identity?.Name, StringComparison.Ordinal))
                return Results.Redirect("/users?notice=" + Uri.EscapeDataString("You cannot delete yourself."));
            if (await users.DeleteAsync(name, ct).ConfigureAwait(false))
                await events.AddAsync("console", "user-deleted", null, $"user {name} deleted by {http.User.Identity?.Name}", ct).ConfigureAwait(false);
            return Results.Redirect("/users?notice=" + Uri.EscapeDataString($"User {name} deleted."));
        }).RequireAuthorization(ConsoleRoles.CanAdminister);
    }
}
