using System.Collections.Concurrent;
using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Transport;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Export;

/// <summary>
/// Sends a batch with the DICOM SCU: one association per batch (per set of compatible presentation contexts), over TLS
/// when the destination says so (its files read once, on the first send).
/// </summary>
public sealed class DicomClientSender(TimeProvider time) : IDicomSender
{
    private readonly ConcurrentDictionary<string, ClientTlsOptions?> _tls = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<SendResult>> SendAsync(DestinationOptions destination, string callingAeTitle, IReadOnlyList<string> files,
        TimeSpan timeout, CancellationToken ct)
    {
        ClientTlsOptions? tls;
        try
        {
            tls = _tls.TryGetValue(destination.Name, out var known) ? known : _tls.GetOrAdd(destination.Name, NodeTls.Client(destination));
        }
        catch (TlsFileException e)
        {
            // Checked at launch; a file changed since. The export fails with the reason and is retried, never sent in plain text.
            return [.. files.Select(f => new SendResult(f, false, null, $"TLS: {e.Message}"))];
        }
        var options = new DicomClientOptions
        {
            Host = destination.Host,
            Port = destination.Port,
            CalledAeTitle = destination.AeTitle,
            CallingAeTitle = callingAeTitle,
            RequestTimeout = timeout,
            Tls = tls,
        };
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            var results = await DicomClient.SendAsync(options, files, null, time, bounded.Token).ConfigureAwait(false);
            return [.. results.Select(r => new SendResult(r.Path, r.Succeeded, r.Status, r.Succeeded ? null : r.Error ?? $"status {r.Status:X4}"))];
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.Sockets.SocketException
                                     or VoxDose.Dicom.Network.DicomNetworkException or TimeoutException
                                     or System.Security.Authentication.AuthenticationException)
        {
            if (ct.IsCancellationRequested) throw;
            return [.. files.Select(f => new SendResult(f, false, null, $"{e.GetType().Name}: {e.Message}"))];
        }
    }
}
