using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Server;
using VoxDose.Dicom.Network.Transport;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Scp;

/// <summary>
/// The DICOM listener as one hosted service. If it cannot listen (port taken, address missing, certificate
/// unreadable) it logs why and the start fails, so the node stops instead of limping on without a listener.
/// </summary>
public sealed class ScpHostedService(IOptions<VoxDoseOptions> options, NodeStoreHandler handler, SpoolStore spool,
    ILoggerFactory loggerFactory, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ScpHostedService>();
    private DicomServer? _server;
    private X509Certificate2? _certificate;

    /// <summary>Where the listener is bound (the port chosen by the OS when Scp:Port is 0 in tests).</summary>
    public IPEndPoint? LocalEndPoint => _server?.LocalEndPoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scp = options.Value.Scp;
        if (scp.AllowedCallers.Count == 0 && !scp.AllowAnyCaller)
        {
            // Secure by default: a node that would take any caller's patient data starts only when told to.
            var reason = "Scp:AllowedCallers is empty: list the calling AE titles this node accepts, or set Scp:AllowAnyCaller to true on purpose";
            var refused = new Hosting.StartupRefusedException(reason);
            ScpLog.CannotListen(_logger, scp.BindAddress, scp.Port, reason, refused);
            throw refused;
        }
        ServerTlsOptions? tls = null;
        try
        {
            tls = scp.Tls.Enabled ? NodeTls.Server(scp.Tls) : null;
        }
        catch (TlsFileException e)
        {
            // Checked at launch by the validator already: this is a file changed or removed since. Exit 2 all the same.
            var refused = new Hosting.StartupRefusedException($"Scp:Tls: {e.Message}");
            ScpLog.CannotListen(_logger, scp.BindAddress, scp.Port, refused.Message, refused);
            throw refused;
        }
        _certificate = tls?.Certificate;
        var serverOptions = new DicomServerOptions
        {
            BindAddress = IPAddress.Parse(scp.BindAddress),
            Port = scp.Port,
            MaxAssociations = scp.MaxAssociations,
            MaxAssociationsPerPeer = scp.MaxAssociationsPerPeer,
            // Unassociated sockets: a larger cap, bounded in time by ARTIM.
            MaxConnections = 4 * scp.MaxAssociations,
            MaxConnectionsPerPeer = Math.Max(4, 2 * scp.MaxAssociationsPerPeer),
            Policy = new AcceptPolicy { CalledAeTitles = [scp.AeTitle] },
            TempDirectory = spool.IncomingDirectory, // same file system as the spool
            Tls = tls,
        };
        _server = new DicomServer(serverOptions, handler, loggerFactory, time);
        try
        {
            await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            ScpLog.CannotListen(_logger, scp.BindAddress, scp.Port, e.Message, e);
            throw new InvalidOperationException($"The DICOM listener cannot start on {scp.BindAddress} port {scp.Port}: {e.Message}", e);
        }
        ScpLog.Listening(_logger, scp.AeTitle, _server.LocalEndPoint);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // DicomServer.DisposeAsync stops it too, and a second stop throws (its token source is gone): dispose once, here.
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null) await server.DisposeAsync().ConfigureAwait(false);
        Interlocked.Exchange(ref _certificate, null)?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null) await server.DisposeAsync().ConfigureAwait(false);
        Interlocked.Exchange(ref _certificate, null)?.Dispose();
    }
}
