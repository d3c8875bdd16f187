namespace VoxDose.Dicom.Network.Dimse;

/// <summary>A data set sink in memory, for small data sets (responses); bounded by the assembler's limit.</summary>
public sealed class MemoryDataSetSink : IDataSetSink
{
    private readonly MemoryStream _buffer = new();

    public long Length => _buffer.Length;

    public byte[] ToArray() => _buffer.ToArray();

    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        _buffer.Write(fragment.Span);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _buffer.DisposeAsync();
}
