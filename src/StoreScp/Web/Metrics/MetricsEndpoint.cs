using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VoxDose.StoreScp.Web.Metrics;

/// <summary><c>/metrics</c>: OpenTelemetry's Prometheus text exporter, for a logged-in user or the configured bearer token.</summary>
public static class MetricsEndpoint
{
    public const string Policy = "CanReadMetrics";

    public static void Map(WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policy);

    /// <summary>True when the request carries <c>Authorization: Bearer TOKEN</c> equal to the configured token (constant-time compare).</summary>
    public static bool BearerMatches(HttpContext? http, string? token)
    {
        if (http is null || string.IsNullOrEmpty(token)) return false;
        var header = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(expected));
    }
}
