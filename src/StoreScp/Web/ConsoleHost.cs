using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Quartz;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Telemetry;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Scp;
using VoxDose.StoreScp.Storage;
using VoxDose.StoreScp.Web.Health;
using VoxDose.StoreScp.Web.Metrics;
using VoxDose.StoreScp.Web.Pages;
using VoxDose.StoreScp.Web.Pages.Study;
using VoxDose.StoreScp.Web.Review;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web;

/// <summary>
/// Builds the web console: an ASP.NET Core application in the node's process that reads the node's services (audit
/// repositories, options, scheduler, listener) from the node's container. Every endpoint needs a login (cookie) except
/// <c>/healthz</c>, <c>/readyz</c>, the login page and the static assets; <c>/metrics</c> also accepts the configured
/// bearer token. Forms carry an anti-forgery token that every POST validates.
/// </summary>
public static class ConsoleHost
{
    /// <param name="node">The node's service provider (its host must be built; started for readiness to pass).</param>
    /// <param name="configure">Tests use it to swap Kestrel for the in-process test server.</param>
    public static WebApplication Build(IServiceProvider node, Action<WebApplicationBuilder>? configure = null)
    {
        var options = node.GetRequiredService<IOptions<VoxDoseOptions>>();
        var web = options.Value.Web;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls(web.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var https = web.Urls.Contains("https://", StringComparison.OrdinalIgnoreCase);
        if (https)
        {
            var certificate = LoadCertificate(web);
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        }
        builder.Logging.ClearProviders();

        var services = builder.Services;
        services.AddSingleton(node.GetRequiredService<ILoggerFactory>());
        services.AddSingleton(options);
        services.AddSingleton(node.GetRequiredService<TimeProvider>());
        services.AddSingleton(node.GetRequiredService<AuditDatabase>());
        services.AddSingleton(node.GetRequiredService<StudyRepository>());
        services.AddSingleton(node.GetRequiredService<ComputationRepository>());
        services.AddSingleton(node.GetRequiredService<ExportRepository>());
        services.AddSingleton(node.GetRequiredService<EventRepository>());
        services.AddSingleton(node.GetRequiredService<AssociationRepository>());
        services.AddSingleton(node.GetRequiredService<InstanceRepository>());
        services.AddSingleton(node.GetRequiredService<IDiskSpaceProbe>());
        services.AddSingleton(node.GetRequiredService<IJobScheduler>());
        services.AddSingleton(node.GetRequiredService<ScpHostedService>());
        services.AddSingleton(node.GetRequiredService<ISchedulerFactory>());
        services.AddSingleton<UserRepository>();
        services.AddSingleton<ApprovalRepository>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<ConsoleQueries>();
        services.AddSingleton<StudyIndex>();
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<ConsoleGauges>();
        services.AddSingleton<ViewerCache>();

        // Cookie and anti-forgery keys live with the node's data (0700), so sessions survive a restart.
        var keys = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(options.Value.Storage.Root), "console-keys"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keys.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        services.AddDataProtection().SetApplicationName("VoxDose").PersistKeysToFileSystem(keys);
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        authentication.AddCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(web.SessionMinutes);
            o.SlidingExpiration = true;
            o.Cookie.Name = "voxdose.session";
            o.Cookie.HttpOnly = true;
            // Strict, except with single sign-on: the session cookie is set on the provider's redirect back (a cross-site
            // navigation), where a Strict cookie would not be sent on the next hop. Forms keep their anti-forgery token.
            o.Cookie.SameSite = web.Oidc.Enabled ? SameSiteMode.Lax : SameSiteMode.Strict;
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Events.OnRedirectToLogin = ctx =>
            {
                // Machines (Prometheus, scripts) get a status, people get the login page.
                if (ctx.Request.Path.StartsWithSegments("/metrics")) ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        if (web.Oidc.Enabled) authentication.AddOidc(web.Oidc, https);
        var metricsToken = string.IsNullOrEmpty(web.MetricsTokenEnv) ? null : Environment.GetEnvironmentVariable(web.MetricsTokenEnv);
        services.AddAuthorization(a =>
        {
            a.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            a.AddPolicy(ConsoleRoles.CanView, p => p.RequireRole(ConsoleRole.Viewer.ToText()));
            a.AddPolicy(ConsoleRoles.CanApprove, p => p.RequireRole(ConsoleRole.Physicist.ToText()));
            a.AddPolicy(ConsoleRoles.CanAdminister, p => p.RequireRole(ConsoleRole.Admin.ToText()));
            a.AddPolicy(MetricsEndpoint.Policy, p => p.RequireAssertion(ctx =>
                ctx.User.IsInRole(ConsoleRole.Viewer.ToText()) || MetricsEndpoint.BearerMatches(ctx.Resource as HttpContext, metricsToken)));
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "voxdose.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = Layout.AntiforgeryField;
        });
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(NodeMeter.MeterName, ConsoleGauges.MeterName)
            .AddPrometheusExporter());

        configure?.Invoke(builder);
        var app = builder.Build();
        app.Services.GetRequiredService<ConsoleGauges>(); // registers the observable gauges
        app.UseMiddleware<SecurityHeaders>();
        app.UseAuthentication();
        app.UseAuthorization();
        Endpoints.Map(app, node.GetService<IConfiguration>());
        return app;
    }

    private static X509Certificate2 LoadCertificate(WebOptions web)
    {
        if (string.IsNullOrWhiteSpace(web.CertificatePath))
            throw new InvalidOperationException("VoxDose:Web:Urls has an https URL but VoxDose:Web:CertificatePath is not set.");
        var path = Path.GetFullPath(web.CertificatePath);
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            var password = string.IsNullOrEmpty(web.CertificatePasswordEnv) ? null : Environment.GetEnvironmentVariable(web.CertificatePasswordEnv);
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        if (string.IsNullOrWhiteSpace(web.CertificateKeyPath))
            throw new InvalidOperationException("VoxDose:Web:CertificatePath is a PEM certificate: VoxDose:Web:CertificateKeyPath must name its key.");
        using var pem = X509Certificate2.CreateFromPemFile(path, Path.GetFullPath(web.CertificateKeyPath));
        // Kestrel on Linux needs an exportable key: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
