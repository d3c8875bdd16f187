using Microsoft.AspNetCore.Http;

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
        return Layout.Page(http, "Log in", Html.Of($"<div class=\"login\">{message}{Layout.Form(http, "/login", fields)}</div>"), status);
    }
}
