namespace VoxDose.Dicom.Network.Transport;

/// <summary>Runs an operation bounded by a timeout measured with a <see cref="TimeProvider"/> (so tests can fake time).</summary>
internal static class Deadline
{
    public static async Task<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> operation, TimeSpan timeout, TimeProvider time,
        string what, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan) return await operation(cancellationToken).ConfigureAwait(false);
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await operation(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} timed out after {timeout.TotalSeconds:0.###} s.");
        }
    }

    public static Task RunAsync(Func<CancellationToken, ValueTask> operation, TimeSpan timeout, TimeProvider time, string what, CancellationToken cancellationToken) =>
        RunAsync(async ct => { await operation(ct).ConfigureAwait(false); return true; }, timeout, time, what, cancellationToken);
}
