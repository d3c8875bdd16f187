using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web.Pages.Configuration;

/// <summary>
/// GET <c>/configuration</c>: every effective key of the <c>VoxDose</c> section and where it came from, read-only.
/// Values of keys that name a secret (password, token, secret, key, connection string) are shown as "(redacted)".
/// </summary>
public static class ConfigurationPage
{
    private static readonly string[] SecretWords = ["password", "secret", "token", "connectionstring", "keypath", "apikey", "clientsecret"];

    public static void Map(WebApplication app, IConfiguration? nodeConfiguration) =>
        app.MapGet("/configuration", (HttpContext http) =>
        {
            var entries = (nodeConfiguration?.GetSection("VoxDose").AsEnumerable() ?? [])
                .Where(e => e.Value is not null)
                .OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase)
                .Select(e => (e.Key, Value: Redact(e.Key, e.Value!)))
                .ToList();
            return Layout.Page(http, "Configuration", Html.Of($"""
                <p>Read-only: the node's effective configuration (appsettings.json, --config file, environment variables). Change it there and restart.</p>
                <table id="configuration"><tr><th>Key</th><th>Value</th></tr>
                {Html.Join(entries, e => Html.Of($"<tr><td>{e.Key}</td><td>{e.Value}</td></tr>"))}
                </table>
                """));
        }).RequireAuthorization(ConsoleRoles.CanView);

    public static string Redact(string key, string value)
    {
        var last = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
        // Names of environment variables (…Env) are not secrets; their values never appear here.
        if (last.EndsWith("env", StringComparison.Ordinal)) return value;
        return SecretWords.Any(w => last.Contains(w, StringComparison.Ordinal)) && value.Length > 0 ? "(redacted)" : value;
    }
}
