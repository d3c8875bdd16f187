using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Scp;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Web.Pages.Overview;

/// <summary>GET <c>/</c>: listener, associations now, today's instances and studies, work per state, failing exports, disk, last problems.</summary>
public static class OverviewPage
{
    public static void Map(WebApplication app) =>
        app.MapGet("/", async (HttpContext http, ConsoleQueries queries, ScpHostedService scp, IDiskSpaceProbe disk, IOptions<VoxDoseOptions> options,
            CancellationToken ct) =>
        {
            var data = await queries.OverviewAsync(ct).ConfigureAwait(false);
            long? free = null;
            try { free = disk.AvailableBytes(options.Value.Storage.Root); }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { }
            return OverviewView.Render(http, data, options.Value, scp.LocalEndPoint?.Port, free);
        }).RequireAuthorization(Security.ConsoleRoles.CanView);
}
