using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoxDose.StoreScp.Web.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the node can take work: 200, else 503), both without login.</summary>
public static class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("alive\n", "text/plain")).AllowAnonymous();
        app.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken ct) =>
        {
            var readiness = await probe.CheckAsync(ct).ConfigureAwait(false);
            return Results.Json(readiness, Json, statusCode: readiness.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
    }
}
