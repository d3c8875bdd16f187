using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoxDose.StoreScp;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web;

/// <summary>The page chrome (navigation, user, logout) and the helpers every view uses: forms with their anti-forgery token.</summary>
public static class Layout
{
    public const string AntiforgeryField = "__vxaf";

    public static IResult Page(HttpContext http, string title, Html body, int status = StatusCodes.Status200OK)
    {
        var user = http.User;
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        var nav = name is null ? Html.Empty : Html.Of($"""
            <nav>
              <a href="/">Overview</a><a href="/studies">Studies</a><a href="/events">Events</a><a href="/associations">Associations</a>
              <a href="/configuration">Configuration</a>{(user.IsInRole(ConsoleRole.Admin.ToText()) ? Html.Raw("<a href=\"/users\">Users</a>") : Html.Empty)}
              <span class="user">{name} ({RoleOf(user)})</span>
              {Form(http, "/logout", Html.Raw("<button type=\"submit\" id=\"logout\">Log out</button>"), "inline")}
            </nav>
            """);
        var page = Html.Of($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · VoxDose</title><link rel="stylesheet" href="/assets/console.css"></head>
            <body><header><span class="brand">VoxDose</span>{nav}</header>
            <main><h1>{title}</h1>{body}</main>
            <footer>VoxDose {SoftwareVersion.Current} · results need review by a qualified medical physicist</footer>
            <script src="/assets/console.js"></script></body></html>
            """);
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>A POST form with the anti-forgery token of this user.</summary>
    public static Html Form(HttpContext http, string action, Html fields, string cssClass = "")
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Html.Of($"""<form method="post" action="{action}" class="{cssClass}"><input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">{fields}</form>""");
    }

    public static string RoleOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => ConsoleRoles.TryParse(c.Value, out var r) ? r : ConsoleRole.Viewer).DefaultIfEmpty().Max().ToText();

    public static string When(DateTimeOffset? t) => t is null ? "" : t.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
