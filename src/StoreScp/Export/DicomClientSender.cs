using VoxDose.Dicom.Network.Client;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Export;

/// <summary>Sends a batch with the DICOM SCU: one association per batch (per set of compatible presentation contexts).</summary>
public sealed class DicomClientSender(TimeProvider time) : IDicomSender
{
    public async Task<IReadOnlyList<SendResult>> SendAsync(DestinationOptions destination, string callingAeTitle, IReadOnlyList<string> files,
        TimeSpan timeout, CancellationToken ct)
    {
        var options = new DicomClientOptions
        {
            Host = destination.Host,
            Port = destination.Port,
            CalledAeTitle = destination.AeTitle,
            CallingAeTitle = callingAeTitle,
            RequestTimeout = timeout,
        };
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            var results = await DicomClient.SendAsync(options, files, null, time, bounded.Token).ConfigureAwait(false);
            return [.. results.Select(r => new SendResult(r.Path, r.Succeeded, r.Status, r.Succeeded ? null : r.Error ?? $"status {r.Status:X4}"))];
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.Sockets.SocketException
                                     or VoxDose.Dicom.Network.DicomNetworkException or TimeoutException)
        {
            if (ct.IsCancellationRequested) throw;
            return [.. files.Select(f => new SendResult(f, false, null, $"{e.GetType().Name}: {e.Message}"))];
        }
    }
}
