using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Dicom.Network.Transport;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// A DICOM SCP: listens on TCP (IPv4 and IPv6, optionally DICOM TLS), runs each association concurrently, answers
/// C-ECHO and hands every C-STORE to an <see cref="IDicomServiceHandler"/>.
/// </summary>
public sealed class DicomServer : IAsyncDisposable
{
    private readonly DicomServerOptions _options;
    private readonly IDicomServiceHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Task, byte> _associations = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task? _acceptLoop;
    private readonly ConnectionLimiter _limits;
    private int _stopped;

    public DicomServer(DicomServerOptions options, IDicomServiceHandler handler, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid DICOM server options:\n  " + string.Join("\n  ", errors), nameof(options));
        _options = options;
        _handler = handler;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DicomServer>();
        _time = time ?? TimeProvider.System;
        _limits = new ConnectionLimiter(options.MaxConnections, options.MaxConnectionsPerPeer, options.MaxAssociations, options.MaxAssociationsPerPeer);
    }

    /// <summary>The bound address and port, once started.</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint as IPEndPoint;

    /// <summary>Associations (accepted A-ASSOCIATE-RQ) being served right now.</summary>
    public int ActiveAssociations => _limits.Associations;

    /// <summary>Open TCP connections, associated or not.</summary>
    public int OpenConnections => _limits.Connections;

    /// <summary>Binds and starts accepting. Throws (SocketException, IOException) if the port or temp directory is unusable.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is not null) throw new InvalidOperationException("The DICOM server is already started.");
        Directory.CreateDirectory(_options.TempDirectory);
        var listener = new Socket(_options.BindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (_options.BindAddress.Equals(IPAddress.IPv6Any)) listener.DualMode = true;
            listener.Bind(new IPEndPoint(_options.BindAddress, _options.Port));
            listener.Listen(128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        _listener = listener;
        ServerLog.Listening(_logger, listener.LocalEndPoint!, string.Join(",", _options.Policy.CalledAeTitles), _options.Tls is null ? "" : " (TLS)");
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, aborts running associations and waits for them (bounded by <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is null || Interlocked.Exchange(ref _stopped, 1) != 0) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            if (_acceptLoop is not null) await _acceptLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(_associations.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        ServerLog.Stopped(_logger);
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                ServerLog.AcceptFailed(_logger, e);
                continue;
            }
            socket.NoDelay = true;
            var peer = ConnectionLimiter.PeerOf(socket.RemoteEndPoint);
            if (!_limits.TryOpenConnection(peer))
            {
                // Nothing is read from a socket over the connection caps: it cannot hold memory or a slot.
                ServerLog.ConnectionRefused(_logger, LogText.Escape(peer.ToString()), _options.MaxConnections, _options.MaxConnectionsPerPeer);
                ServerMeter.ConnectionRefused();
                socket.Dispose();
                continue;
            }
            var slot = new AssociationSlot(_limits, peer);
            var task = Task.Run(() => ServeConnectionAsync(socket, slot, cancellationToken), CancellationToken.None);
            _associations.TryAdd(task, 0);
            _ = task.ContinueWith(t =>
            {
                _associations.TryRemove(t, out _);
                slot.Release();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeConnectionAsync(Socket socket, AssociationSlot slot, CancellationToken cancellationToken)
    {
        Stream stream = new NetworkStream(socket, ownsSocket: false);
        var remote = socket.RemoteEndPoint?.ToString() ?? "?";
        if (_options.Tls is { } tls)
        {
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false, tls.ClientCertificateValidation);
            try
            {
                await Deadline.RunAsync(ct => new ValueTask(ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = tls.Certificate,
                    ClientCertificateRequired = tls.RequireClientCertificate,
                    CertificateChainPolicy = tls.ClientCertificatePolicy?.Clone(),
                    EnabledSslProtocols = tls.Protocols,
                }, ct)), _options.ArtimTimeout, _time, "TLS handshake", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or TimeoutException or System.Security.Authentication.AuthenticationException or OperationCanceledException or SocketException)
            {
                ServerLog.TlsFailed(_logger, remote, e.Message);
                await ssl.DisposeAsync().ConfigureAwait(false);
                socket.Dispose();
                return;
            }
            stream = ssl;
        }
        var limits = new PduLimits { MaxDataPduLength = _options.MaxPduLength == 0 ? 16 * 1024 * 1024 : _options.MaxPduLength };
        var connection = new DicomConnection(socket, stream, limits, _time);
        await new ServerAssociation(connection, _options, _handler, _logger, slot).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
