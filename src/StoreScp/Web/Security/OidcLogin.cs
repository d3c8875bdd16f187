using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Web.Security;

/// <summary>
/// Hospital single sign-on (<c>Web:Oidc</c>): the authorization code flow with PKCE through ASP.NET Core's OpenID
/// Connect handler, ending in the same session cookie as a local login. The id_token's <c>RoleClaim</c> values are
/// mapped through <c>RoleMap</c>; the highest mapped role wins, none mapped refuses the login. Both outcomes are audited
/// (component <c>console</c>, kinds <c>login</c> and <c>login-refused</c>).
/// </summary>
public static class OidcLogin
{
    public const string Scheme = "oidc";
    public const string StartPath = "/login/oidc";
    public const string Method = "oidc";

    public static void AddOidc(this AuthenticationBuilder auth, OidcOptions oidc, bool https)
    {
        auth.AddOpenIdConnect(Scheme, o =>
        {
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ResolveClientSecret();
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.CallbackPath = oidc.CallbackPath;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the query of a top-level GET: no cross-site POST, and Lax cookies travel with it.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.MapInboundClaims = false;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
            // Secure like the session cookie (the handler's default, Always, would drop them on a plain-http loopback console).
            var secure = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = secure;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = secure;
            o.Events.OnTokenValidated = ctx => MapUserAsync(ctx, oidc);
            o.Events.OnRemoteFailure = async ctx =>
            {
                await Audit(ctx.HttpContext, "login-refused", $"single sign-on failed: {Truncate(ctx.Failure?.Message ?? "unknown")}").ConfigureAwait(false);
                ctx.Response.Redirect("/login?error=sso");
                ctx.HandleResponse();
            };
        });
    }

    /// <summary>GET <c>/login/oidc?returnUrl=</c>: sends the browser to the identity provider.</summary>
    public static void Map(WebApplication app) =>
        app.MapGet(StartPath, (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [Scheme])).AllowAnonymous();

    /// <summary>The console role of a set of claim values: the highest one mapped, or null.</summary>
    public static ConsoleRole? RoleOf(IEnumerable<string> claimValues, IReadOnlyDictionary<string, string> roleMap)
    {
        ConsoleRole? best = null;
        foreach (var value in claimValues)
        {
            if (roleMap.TryGetValue(value, out var text) && ConsoleRoles.TryParse(text, out var role) && (best is null || role > best))
                best = role;
        }
        return best;
    }

    private static async Task MapUserAsync(TokenValidatedContext ctx, OidcOptions oidc)
    {
        var incoming = ctx.Principal!;
        var name = incoming.FindFirst(oidc.NameClaim)?.Value ?? incoming.FindFirst("sub")?.Value ?? "";
        var role = RoleOf(incoming.FindAll(oidc.RoleClaim).Select(c => c.Value), oidc.RoleMap);
        if (role is null || name.Length == 0)
        {
            await Audit(ctx.HttpContext, "login-refused", $"user {Truncate(name)} via {Method}: no {oidc.RoleClaim} value maps to a console role").ConfigureAwait(false);
            ctx.Fail("No role claim of this user maps to a console role.");
            return;
        }
        // The session carries only what the console needs: the name and the implied roles, as after a local login.
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.AuthenticationMethod, Method) };
        claims.AddRange(ConsoleRoles.Implied(role.Value).Select(r => new Claim(ClaimTypes.Role, r)));
        ctx.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
        await Audit(ctx.HttpContext, "login", $"user {Truncate(name)} ({role.Value.ToText()}) via {Method}").ConfigureAwait(false);
    }

    /// <summary>Only local paths: never an open redirect.</summary>
    public static string LocalOnly(string? returnUrl) =>
        returnUrl is { } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";

    private static Task Audit(HttpContext http, string kind, string detail) =>
        http.RequestServices.GetRequiredService<EventRepository>().AddAsync("console", kind, null, detail);

    private static string Truncate(string s) => s.Length > 64 ? s[..64] : s;
}
