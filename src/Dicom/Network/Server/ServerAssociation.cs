using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Dicom.Network.Transport;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// The acceptor's side of one association (PS3.8 section 9.2 state machine, reduced to the states an SCP visits):
/// wait for A-ASSOCIATE-RQ under ARTIM, answer AC or RJ, then serve DIMSE requests one at a time until A-RELEASE,
/// A-ABORT, a protocol error (answered with A-ABORT) or the idle timeout.
/// </summary>
internal sealed class ServerAssociation(
    DicomConnection connection,
    DicomServerOptions options,
    IDicomServiceHandler handler,
    ILogger logger,
    AssociationSlot slot,
    RejectionGuard rejections)
{
    private AssociationInfo? _info;
    private Dictionary<byte, AcceptedContext> _accepted = [];

    private string Remote => connection.RemoteEndPoint.ToString();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var end = AssociationEnd.ConnectionClosed;
        try
        {
            end = await NegotiateAndServeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DicomProtocolException e)
        {
            // Before association the peer is unknown: sampled per peer, like rejections (a flood of garbage is a few lines).
            if (_info is not null || rejections.ShouldLogUnassociated(connection.RemoteEndPoint, "protocol-error")) ServerLog.ProtocolError(logger, Remote, e.Message);
            await connection.AbortAsync(AbortSource.ServiceProvider, e.Reason).ConfigureAwait(false);
            end = AssociationEnd.AbortedByUs;
        }
        catch (TimeoutException e)
        {
            if (_info is not null || rejections.ShouldLogUnassociated(connection.RemoteEndPoint, "timeout")) ServerLog.TimedOut(logger, Remote, e.Message);
            await connection.AbortAsync(AbortSource.ServiceProvider, AbortReason.NotSpecified).ConfigureAwait(false);
            end = AssociationEnd.TimedOut;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await connection.AbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified).ConfigureAwait(false);
            end = AssociationEnd.AbortedByUs;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            ServerLog.ConnectionLost(logger, Remote, e.Message);
            end = AssociationEnd.ConnectionClosed;
        }
        catch (Exception e)
        {
            // A failure of ours (handler callback, temp directory...): the association ends, the server does not.
            ServerLog.InternalError(logger, e, Remote);
            await connection.AbortAsync(AbortSource.ServiceProvider, AbortReason.NotSpecified).ConfigureAwait(false);
            end = AssociationEnd.AbortedByUs;
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            ServerMeter.AssociationEnded(end);
            if (_info is not null)
            {
                if (end != AssociationEnd.Rejected) ServerLog.Ended(logger, _info.ToString(), end); // a rejection was logged (sampled) already
                handler.OnAssociationClosed(_info, end);
            }
        }
    }

    private async Task<AssociationEnd> NegotiateAndServeAsync(CancellationToken cancellationToken)
    {
        var first = await connection.ReadAsync(options.ArtimTimeout, "Waiting for A-ASSOCIATE-RQ (ARTIM)", cancellationToken).ConfigureAwait(false);
        if (first is null) return AssociationEnd.ConnectionClosed;
        if (first is not AssociateRequestPdu request)
            throw new DicomProtocolException($"Expected A-ASSOCIATE-RQ, received {first.Type}.", AbortReason.UnexpectedPdu);

        var info = new AssociationInfo(request.CalledAeTitle, request.CallingAeTitle, connection.RemoteEndPoint, request);
        _info = info;
        // The association slot is taken only for a request that passes the policy (PS3.8 table 9-21: source 3, reason 2).
        var reject = rejections.CheckRate(ConnectionLimiter.PeerOf(connection.RemoteEndPoint))
            ?? AssociationNegotiator.CheckRequest(info, options.Policy)
            ?? (slot.TryAssociate() ? null : new AssociateRejectPdu(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.LocalLimitExceeded))
            ?? await handler.OnAssociationRequestAsync(info, cancellationToken).ConfigureAwait(false);
        if (reject is not null)
        {
            slot.Unassociate();
            rejections.Rejected(info, reject);
            await handler.OnAssociationRejectedAsync(info, reject, cancellationToken).ConfigureAwait(false);
            await connection.WriteAsync(reject, options.WriteTimeout, cancellationToken).ConfigureAwait(false);
            await connection.WaitForPeerCloseAsync(options.ArtimTimeout).ConfigureAwait(false);
            return AssociationEnd.Rejected;
        }

        var (accept, accepted) = AssociationNegotiator.Accept(request, options.Policy, options.MaxPduLength);
        _accepted = accepted;
        _info = info with { AcceptedContexts = accepted };
        connection.Writer.PeerMaxPduLength = request.UserInformation.MaxPduLength;
        await connection.WriteAsync(accept, options.WriteTimeout, cancellationToken).ConfigureAwait(false);
        ServerLog.Accepted(logger, _info.ToString(), accepted.Count, request.PresentationContexts.Count, request.UserInformation.MaxPduLength);
        return await ServeAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<AssociationEnd> ServeAsync(CancellationToken cancellationToken)
    {
        await using var assembler = new DimseMessageAssembler(_accepted.ContainsKey, OpenSinkAsync, options.MaxCommandLength, options.MaxDataSetLength);
        while (true)
        {
            var pdu = await connection.ReadAsync(options.IdleTimeout, "Waiting for the peer (idle timeout)", cancellationToken).ConfigureAwait(false);
            switch (pdu)
            {
                case null:
                    return AssociationEnd.ConnectionClosed;
                case DataTransferPdu data:
                    foreach (var pdv in data.Values)
                    {
                        if (await assembler.AddAsync(pdv, cancellationToken).ConfigureAwait(false) is { } message)
                            await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                    }
                    break;
                case ReleaseRequestPdu:
                    await handler.OnReleaseRequestedAsync(_info!, cancellationToken).ConfigureAwait(false);
                    await connection.WriteAsync(ReleaseResponsePdu.Instance, options.WriteTimeout, cancellationToken).ConfigureAwait(false);
                    await connection.WaitForPeerCloseAsync(options.ArtimTimeout).ConfigureAwait(false);
                    return AssociationEnd.Released;
                case AbortPdu:
                    return AssociationEnd.AbortedByPeer;
                default:
                    throw new DicomProtocolException($"Unexpected {pdu.Type} during data transfer.", AbortReason.UnexpectedPdu);
            }
        }
    }

    private async ValueTask<IDataSetSink> OpenSinkAsync(byte contextId, DicomCommand command, CancellationToken cancellationToken)
    {
        if (command.CommandField != CommandField.CStoreRequest) return new DiscardDataSetSink("this command takes no data set");
        // UIDs from the command name the temporary file's meta group: a UID that is not a UID (a non-ASCII byte...) is
        // refused with C000 once the data set has arrived, never written.
        var sopClass = command.AffectedSopClassUid ?? _accepted[contextId].AbstractSyntax;
        if (!AssociationNegotiator.IsPlausibleUid(sopClass) || command.AffectedSopInstanceUid is not { } instance || !AssociationNegotiator.IsPlausibleUid(instance))
            return new DiscardDataSetSink("Affected SOP Class/Instance UID is not a valid UID");
        return await TempFileDataSetSink.CreateAsync(options.TempDirectory, command.AffectedSopClassUid ?? _accepted[contextId].AbstractSyntax,
            command.AffectedSopInstanceUid ?? "", _accepted[contextId].TransferSyntax, _info!.CallingAeTitle, cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleAsync(DimseMessage message, CancellationToken cancellationToken)
    {
        await using var sink = message.DataSet;
        var command = message.Command;
        var context = _accepted[message.ContextId];
        DicomCommand response;
        switch (command.CommandField)
        {
            case CommandField.CEchoRequest:
                ServerLog.Echo(logger, _info!.ToString());
                response = DicomCommand.EchoResponse(command, context.AbstractSyntax == DicomUids.Verification
                    ? DimseStatus.Success : DimseStatus.SopClassNotSupported);
                break;
            case CommandField.CStoreRequest when sink is TempFileDataSetSink { WriteError: { } error }:
                ServerLog.TempWriteFailed(logger, error, _info!.ToString());
                response = StoreResponseCommand(command, StoreStatusMapper.Response(StoreOutcome.OutOfResources, "Could not write the incoming data set"));
                break;
            case CommandField.CStoreRequest when sink is TempFileDataSetSink { StructureError: { } incomplete }:
                ServerLog.DataSetIncomplete(logger, _info!.ToString(), incomplete);
                response = StoreResponseCommand(command, StoreStatusMapper.Response(StoreOutcome.DataSetIncomplete, incomplete));
                ServerMeter.Stored(response.Status ?? 0, sink.Length);
                break;
            case CommandField.CStoreRequest when sink is TempFileDataSetSink file:
                var result = await StoreAsync(command, context, file, cancellationToken).ConfigureAwait(false);
                ServerMeter.Stored(result.Status, file.Length);
                response = DicomCommand.StoreResponse(command, result.Status, result.ErrorComment);
                break;
            case CommandField.CCancelRequest:
                return; // PS3.7 9.3.2.3: nothing to cancel, no response.
            case var field when CommandField.IsResponse(field):
                ServerLog.Unsupported(logger, field, _info!.ToString());
                return; // we sent no request; a stray response is dropped, never answered
            case CommandField.CStoreRequest when sink is DiscardDataSetSink discarded:
                ServerLog.StoreCommandRefused(logger, _info!.ToString(), discarded.Reason);
                response = StoreResponseCommand(command, StoreStatusMapper.Response(StoreOutcome.CannotUnderstand, discarded.Reason));
                break;
            case CommandField.CStoreRequest:
                response = StoreResponseCommand(command, StoreStatusMapper.Response(StoreOutcome.CannotUnderstand, "C-STORE-RQ without a data set"));
                break;
            default:
                ServerLog.Unsupported(logger, command.CommandField, _info!.ToString());
                response = DicomCommand.UnrecognizedResponse(command);
                break;
        }
        await connection.WriteMessageAsync(message.ContextId, DicomCommandCodec.Encode(response), null, options.WriteTimeout, cancellationToken).ConfigureAwait(false);
    }

    private static DicomCommand StoreResponseCommand(DicomCommand request, StoreResponse response) =>
        DicomCommand.StoreResponse(request, response.Status, response.ErrorComment);

    private async Task<StoreResponse> StoreAsync(DicomCommand command, AcceptedContext context, TempFileDataSetSink file, CancellationToken cancellationToken)
    {
        var association = _info!.ToString();
        if (command.AffectedSopClassUid != context.AbstractSyntax)
            return StoreStatusMapper.Response(StoreOutcome.SopClassNotSupported, "Affected SOP Class UID differs from the context's");
        if (command.AffectedSopInstanceUid is not { } instance || !AssociationNegotiator.IsPlausibleUid(instance))
            return StoreStatusMapper.Response(StoreOutcome.CannotUnderstand, "Affected SOP Instance UID missing or not a valid UID");

        var request = new StoreRequest(_info, command.MessageId ?? 0, context.AbstractSyntax, instance, context.TransferSyntax,
            command.Priority ?? DimsePriority.Medium, command.MoveOriginatorAeTitle, command.MoveOriginatorMessageId, file.Path)
        {
            FileSha256 = file.Sha256,
            FileLength = file.FileLength,
        };
        StoreResponse result;
        try
        {
            result = await handler.OnStoreAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ServerLog.HandlerFailed(logger, e, association);
            result = StoreStatusMapper.Response(StoreOutcome.ProcessingFailure, "The storage handler failed");
        }
        ServerLog.Stored(logger, instance, context.AbstractSyntax, association, result.Status);
        return result;
    }
}
