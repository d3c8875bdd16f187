using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web.Pages.Login;

/// <summary>GET/POST <c>/login</c> (anti-forgery checked, lockout counted), POST <c>/logout</c>, GET <c>/denied</c>.</summary>
public static class LoginPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/login", (HttpContext http, string? returnUrl, string? error) => LoginView.Render(http, returnUrl,
            error == "sso" ? "Single sign-on did not log you in (no console role for your account, or the sign-on failed)." : null)).AllowAnonymous();
        app.MapPost("/login", HandleLoginAsync).AllowAnonymous();
        app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, EventRepository events) =>
        {
            if (await Forms.RejectForgeryAsync(http, antiforgery).ConfigureAwait(false) is { } rejected) return rejected;
            await events.AddAsync("console", "logout", null, $"user {http.User.Identity?.Name}").ConfigureAwait(false);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/login");
        });
        app.MapGet("/denied", (HttpContext http) => Layout.Page(http, "Not allowed",
            Html.Of($"<p class=\"error\">Your role ({Layout.RoleOf(http.User)}) does not allow this.</p>"), StatusCodes.Status403Forbidden));
    }

    private static async Task<IResult> HandleLoginAsync(HttpContext http, IAntiforgery antiforgery, UserRepository users, EventRepository events,
        IOptions<VoxDoseOptions> options)
    {
        if (await Forms.RejectForgeryAsync(http, antiforgery).ConfigureAwait(false) is { } rejected) return rejected;
        var form = await http.Request.ReadFormAsync().ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var web = options.Value.Web;
        var (result, user) = await users.VerifyAsync(name, password, web.LockoutFailures, TimeSpan.FromMinutes(web.LockoutMinutes)).ConfigureAwait(false);
        if (result != LoginResult.Success || user is null)
        {
            await events.AddAsync("console", "login-failed", null, $"user {Truncate(name)}: {(result == LoginResult.Locked ? "locked" : "invalid")}").ConfigureAwait(false);
            var message = result == LoginResult.Locked
                ? "This account is locked after repeated failures; try again later or ask an administrator."
                : "Unknown user or wrong password.";
            return LoginView.Render(http, returnUrl, message, StatusCodes.Status401Unauthorized);
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name) };
        claims.AddRange(ConsoleRoles.Implied(user.Role).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
        await events.AddAsync("console", "login", null, $"user {user.Name} ({user.Role.ToText()}) via password").ConfigureAwait(false);
        return Results.Redirect(OidcLogin.LocalOnly(returnUrl));
    }

    private static string Truncate(string s) => s.Length > 64 ? s[..64] : s;
}
