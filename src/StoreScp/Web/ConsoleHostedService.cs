using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Web;

/// <summary>
/// Runs the web console inside <c>voxdose serve</c>: started after the node's other services (registered last), stopped
/// first. If Kestrel cannot bind (port taken, bad certificate) the exception stops the node, as the SCP does.
/// </summary>
public sealed partial class ConsoleHostedService(IServiceProvider node, ILogger<ConsoleHostedService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Adds the console to a node host when <c>VoxDose:Web:Enabled</c> (default true); registered last, so it starts after the node.</summary>
    public static void AddTo(HostApplicationBuilder builder)
    {
        var web = new VoxDose.StoreScp.Configuration.WebOptions();
        builder.Configuration.GetSection("VoxDose:Web").Bind(web);
        if (!web.Enabled) return;
        builder.Services.AddSingleton<ConsoleHostedService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsoleHostedService>());
    }

    public IReadOnlyList<string> Urls => _app?.Urls.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = ConsoleHost.Build(node);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        Listening(logger, _app.Urls);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Web console listening on {Urls}")]
    private static partial void Listening(ILogger logger, ICollection<string> urls);
}
