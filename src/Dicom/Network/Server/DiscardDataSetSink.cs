using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// Counts and drops a data set the server will not keep: one that follows a command we refuse (a C-STORE whose
/// UIDs are not UIDs, a command that takes no data set). Nothing is buffered, so a peer cannot fill memory this way.
/// </summary>
internal sealed class DiscardDataSetSink(string reason) : IDataSetSink
{
    /// <summary>Why the data set is dropped (the Error Comment of the refusal).</summary>
    public string Reason { get; } = reason;

    public long Length { get; private set; }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        Length += fragment.Length;
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
