namespace VoxDose.Dicom.Network.Dimse;

/// <summary>A complete incoming DIMSE message: its command, presentation context and the sink its data set went to.</summary>
public sealed record DimseMessage(byte ContextId, DicomCommand Command, IDataSetSink? DataSet);

/// <summary>Where the fragments of an incoming data set are written as they arrive (a temporary file on an SCP).</summary>
public interface IDataSetSink : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken);

    /// <summary>Called after the last fragment was written.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);

    long Length { get; }
}
