using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web.Pages.Login;

public static class LoginView
{
    public static IResult Render(HttpContext http, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var message = error is null ? Html.Empty : Html.Of($"<p class=\"error\" id=\"login-error\">{error}</p>");
        var fields = Html.Of($"""
            <input type="hidden" name="returnUrl" value="{returnUrl ?? "/"}">
            <label>User<input name="name" id="name" autocomplete="username" required autofocus></label>
            <label>Password<input name="password" id="password" type="password" autocomplete="current-password" required></label>
            <button type="submit" id="login">Log in</button>
            """);
        // With single sign-on configured, the page offers it above the local form (which keeps working).
        var oidc = http.RequestServices.GetRequiredService<IOptions<VoxDoseOptions>>().Value.Web.Oidc;
        var sso = !oidc.Enabled ? Html.Empty : Html.Of($"""
            <p><a class="button" id="login-oidc" href="{OidcLogin.StartPath}?returnUrl={Uri.EscapeDataString(OidcLogin.LocalOnly(returnUrl))}">{oidc.DisplayName}</a></p>
            <p>or with a local account:</p>
            """);
        return Layout.Page(http, "Log in", Html.Of($"<div class=\"login\">{message}{sso}{Layout.Form(http, "/login", fields)}</div>"), status);
    }
}
