using Microsoft.AspNetCore.Http;

namespace VoxDose.StoreScp.Web;

/// <summary>
/// Headers on every answer: no framing, no MIME sniffing, no referrer, a content security policy that allows only
/// our own scripts, styles and images, no caching of pages (they carry patient data), HSTS over HTTPS.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Content-Security-Policy"] = ContentSecurityPolicy;
        headers["Cache-Control"] = "no-store";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps) headers["Strict-Transport-Security"] = "max-age=31536000";
        return next(context);
    }
}
