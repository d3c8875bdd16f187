using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Network.Dimse;

/// <summary>
/// Reassembles DIMSE messages from PDVs (PS3.7 section 8, PS3.8 annex E), enforcing the framing rules: all fragments
/// of a message on one accepted context, the command before the data set, no fragment after the last, and a bounded
/// command size. Data set fragments go straight to an <see cref="IDataSetSink"/>, never accumulated in memory here.
/// </summary>
public sealed class DimseMessageAssembler(
    Func<byte, bool> isAcceptedContext,
    Func<byte, DicomCommand, CancellationToken, ValueTask<IDataSetSink>> openSink,
    int maxCommandLength = 64 * 1024,
    long maxDataSetLength = long.MaxValue) : IAsyncDisposable
{
    private readonly MemoryStream _command = new();
    private byte _contextId;
    private DicomCommand? _pendingCommand;
    private IDataSetSink? _sink;

    /// <summary>True while a message is partly received.</summary>
    public bool InProgress => _command.Length > 0 || _pendingCommand is not null;

    /// <summary>Adds one PDV; returns the message it completes, or null.</summary>
    public async ValueTask<DimseMessage?> AddAsync(PresentationDataValue pdv, CancellationToken cancellationToken)
    {
        if (!isAcceptedContext(pdv.ContextId))
            throw new DicomProtocolException($"PDV on presentation context {pdv.ContextId}, which was not accepted.", AbortReason.InvalidPduParameterValue);
        if (InProgress && pdv.ContextId != _contextId)
            throw new DicomProtocolException($"PDV on context {pdv.ContextId} interleaved with a message on context {_contextId}.", AbortReason.UnexpectedPduParameter);
        _contextId = pdv.ContextId;

        if (pdv.IsCommand)
        {
            if (_pendingCommand is not null)
                throw new DicomProtocolException("Command fragment received after the command was complete.", AbortReason.UnexpectedPduParameter);
            if (_command.Length + pdv.Data.Length > maxCommandLength)
                throw new DicomProtocolException($"Command set exceeds {maxCommandLength} bytes.", AbortReason.InvalidPduParameterValue);
            _command.Write(pdv.Data.Span);
            if (!pdv.IsLastFragment) return null;

            var command = DicomCommandCodec.Decode(_command.GetBuffer().AsSpan(0, (int)_command.Length));
            _command.SetLength(0);
            if (!command.HasDataSet) return Complete(command, null);
            _pendingCommand = command;
            _sink = await openSink(pdv.ContextId, command, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (_pendingCommand is null || _sink is null)
            throw new DicomProtocolException("Data set fragment received before a complete command that announces one.", AbortReason.UnexpectedPduParameter);
        if (_sink.Length + pdv.Data.Length > maxDataSetLength)
            throw new DicomProtocolException($"Data set exceeds the limit of {maxDataSetLength} bytes.", AbortReason.InvalidPduParameterValue);
        await _sink.WriteAsync(pdv.Data, cancellationToken).ConfigureAwait(false);
        if (!pdv.IsLastFragment) return null;
        await _sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        var sink = _sink;
        _sink = null;
        var done = _pendingCommand;
        _pendingCommand = null;
        return Complete(done, sink);
    }

    private DimseMessage Complete(DicomCommand command, IDataSetSink? sink) => new(_contextId, command, sink);

    /// <summary>Discards a partly received message (its sink deletes what it wrote).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_sink is not null) await _sink.DisposeAsync().ConfigureAwait(false);
        _sink = null;
        _pendingCommand = null;
        await _command.DisposeAsync().ConfigureAwait(false);
    }
}
