using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Web.Health;
using VoxDose.StoreScp.Web.Metrics;
using VoxDose.StoreScp.Web.Pages.Configuration;
using VoxDose.StoreScp.Web.Pages.Events;
using VoxDose.StoreScp.Web.Pages.Login;
using VoxDose.StoreScp.Web.Pages.Overview;
using VoxDose.StoreScp.Web.Pages.Studies;
using VoxDose.StoreScp.Web.Pages.Study;
using VoxDose.StoreScp.Web.Pages.Users;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web;

/// <summary>Every route of the console, in one place (each page's handler maps its own).</summary>
public static class Endpoints
{
    public static void Map(WebApplication app, IConfiguration? nodeConfiguration)
    {
        HealthEndpoints.Map(app);
        MetricsEndpoint.Map(app);
        app.MapGet("/assets/{name}", (string name) => Asset(name)).AllowAnonymous();
        LoginPage.Map(app);
        if (app.Services.GetRequiredService<IOptions<VoxDoseOptions>>().Value.Web.Oidc.Enabled) OidcLogin.Map(app);
        OverviewPage.Map(app);
        StudiesPage.Map(app);
        StudyPage.Map(app);
        EventsPage.Map(app);
        ConfigurationPage.Map(app, nodeConfiguration);
        UsersPage.Map(app);
    }

    /// <summary>The stylesheet and the script, embedded in the assembly (no CDN, nothing on disk to lose).</summary>
    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch { ".css" => "text/css", ".js" => "text/javascript", _ => null };
        if (type is null) return Results.NotFound();
        var stream = typeof(Endpoints).Assembly.GetManifestResourceStream("VoxDose.Web." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type + "; charset=utf-8");
    }
}
