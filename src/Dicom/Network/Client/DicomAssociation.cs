using System.Net.Security;
using System.Net.Sockets;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Dicom.Network.Transport;

namespace VoxDose.Dicom.Network.Client;

/// <summary>
/// The requestor's side of an association (SCU). One request is outstanding at a time (asynchronous operations
/// window 1); every call is bounded by the options' timeouts and honours cancellation. Disposing an association
/// that was not released aborts it.
/// </summary>
public sealed class DicomAssociation : IAsyncDisposable
{
    private const int MaxResponseDataSetLength = 1024 * 1024;

    private readonly DicomConnection _connection;
    private readonly DicomClientOptions _options;
    private readonly SemaphoreSlim _requestLock = new(1, 1);
    private readonly Dictionary<byte, AcceptedContext> _accepted;
    private int _nextMessageId;
    private bool _ended;

    private DicomAssociation(DicomConnection connection, DicomClientOptions options, AssociateAcceptPdu accept, Dictionary<byte, AcceptedContext> accepted)
    {
        _connection = connection;
        _options = options;
        Accept = accept;
        _accepted = accepted;
    }

    /// <summary>The peer's A-ASSOCIATE-AC.</summary>
    public AssociateAcceptPdu Accept { get; }

    public IReadOnlyDictionary<byte, AcceptedContext> AcceptedContexts => _accepted;

    /// <summary>Connects, negotiates the proposed contexts and returns the association; throws on reject, abort or timeout.</summary>
    public static async Task<DicomAssociation> OpenAsync(DicomClientOptions options, IReadOnlyList<PresentationContextProposal> contexts,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid DICOM client options:\n  " + string.Join("\n  ", errors), nameof(options));
        if (contexts.Count is 0 or > 128) throw new ArgumentException($"{contexts.Count} presentation contexts proposed; PS3.8 allows 1 to 128.", nameof(contexts));
        time ??= TimeProvider.System;

        var connection = await ConnectAsync(options, time, cancellationToken).ConfigureAwait(false);
        try
        {
            var request = new AssociateRequestPdu
            {
                CalledAeTitle = options.CalledAeTitle,
                CallingAeTitle = options.CallingAeTitle,
                PresentationContexts = contexts,
                UserInformation = new UserInformation
                {
                    MaxPduLength = options.MaxPduLength,
                    ImplementationClassUid = DicomUids.ImplementationClassUid,
                    ImplementationVersionName = DicomUids.ImplementationVersionName,
                },
            };
            await connection.WriteAsync(request, options.AssociationTimeout, cancellationToken).ConfigureAwait(false);
            var answer = await connection.ReadAsync(options.AssociationTimeout, "Waiting for A-ASSOCIATE-AC", cancellationToken).ConfigureAwait(false);
            switch (answer)
            {
                case AssociateAcceptPdu accept:
                    connection.Writer.PeerMaxPduLength = accept.UserInformation.MaxPduLength;
                    var accepted = new Dictionary<byte, AcceptedContext>();
                    foreach (var pc in accept.PresentationContexts.Where(p => p.Result == PresentationContextResult.Acceptance))
                    {
                        var proposed = contexts.FirstOrDefault(c => c.Id == pc.Id);
                        if (proposed is not null) accepted[pc.Id] = new AcceptedContext(pc.Id, proposed.AbstractSyntax, pc.TransferSyntax);
                    }
                    return new DicomAssociation(connection, options, accept, accepted);
                case AssociateRejectPdu reject:
                    throw new DicomAssociationRejectedException(reject);
                case AbortPdu abort:
                    throw new DicomAssociationAbortedException($"The peer aborted the association request (source {abort.Source}, reason {abort.Reason}).");
                case null:
                    throw new DicomAssociationAbortedException("The peer closed the connection instead of answering A-ASSOCIATE-RQ.");
                default:
                    throw new DicomProtocolException($"Expected A-ASSOCIATE-AC or -RJ, received {answer.Type}.", AbortReason.UnexpectedPdu);
            }
        }
        catch (DicomProtocolException e)
        {
            await connection.AbortAsync(AbortSource.ServiceProvider, e.Reason).ConfigureAwait(false);
            throw;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<DicomConnection> ConnectAsync(DicomClientOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await Deadline.RunAsync(ct => socket.ConnectAsync(options.Host, options.Port, ct), options.ConnectTimeout, time,
                $"Connecting to {options.Host}:{options.Port}", cancellationToken).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (options.Tls is { } tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false, tls.ServerCertificateValidation);
                await Deadline.RunAsync(ct => new ValueTask(ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = tls.TargetHost ?? options.Host,
                    ClientCertificates = tls.ClientCertificates,
                    CertificateChainPolicy = tls.ServerCertificatePolicy?.Clone(),
                    EnabledSslProtocols = tls.Protocols,
                }, ct)), options.ConnectTimeout, time, "TLS handshake", cancellationToken).ConfigureAwait(false);
                stream = ssl;
            }
            var limits = new PduLimits { MaxDataPduLength = options.MaxPduLength == 0 ? 16 * 1024 * 1024 : options.MaxPduLength };
            return new DicomConnection(socket, stream, limits, time);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new DicomNetworkException($"Cannot connect to {options.Host}:{options.Port}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The accepted context for a SOP class, preferring the given transfer syntaxes in order.</summary>
    public AcceptedContext? FindContext(string sopClassUid, params string[] transferSyntaxes)
    {
        foreach (var ts in transferSyntaxes)
        {
            var match = _accepted.Values.FirstOrDefault(c => c.AbstractSyntax == sopClassUid && c.TransferSyntax == ts);
            if (match is not null) return match;
        }
        return transferSyntaxes.Length == 0 ? _accepted.Values.FirstOrDefault(c => c.AbstractSyntax == sopClassUid) : null;
    }

    /// <summary>C-ECHO (PS3.7 section 9.1.5); returns the status.</summary>
    public async Task<ushort> EchoAsync(CancellationToken cancellationToken = default)
    {
        var context = FindContext(DicomUids.Verification)
            ?? throw new DicomNetworkException("The peer did not accept the Verification SOP class.");
        var response = await SendAsync(context.Id, DicomCommand.EchoRequest(NextMessageId()), null, cancellationToken).ConfigureAwait(false);
        return response.Status ?? throw new DicomProtocolException("C-ECHO-RSP without Status (0000,0900).", AbortReason.InvalidPduParameterValue);
    }

    /// <summary>C-STORE of a data set already encoded in the context's transfer syntax; returns the response.</summary>
    public Task<DicomCommand> StoreAsync(AcceptedContext context, string sopInstanceUid, Stream dataSet,
        string? moveOriginatorAeTitle = null, ushort? moveOriginatorMessageId = null, CancellationToken cancellationToken = default) =>
        SendAsync(context.Id, DicomCommand.StoreRequest(NextMessageId(), context.AbstractSyntax, sopInstanceUid, _options.Priority,
            moveOriginatorAeTitle, moveOriginatorMessageId), dataSet, cancellationToken);

    public ushort NextMessageId() => (ushort)(Interlocked.Increment(ref _nextMessageId) & 0xFFFF);

    /// <summary>Sends a request and waits (bounded by RequestTimeout) for its final response.</summary>
    public async Task<DicomCommand> SendAsync(byte contextId, DicomCommand request, Stream? dataSet, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        await _requestLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Deadline.RunAsync(async ct =>
            {
                await _connection.Writer.WriteMessageAsync(contextId, DicomCommandCodec.Encode(request), dataSet, ct).ConfigureAwait(false);
                return await ReadResponseAsync(request.MessageId, ct).ConfigureAwait(false);
            }, _options.RequestTimeout, _connection.Time, $"DIMSE request 0x{request.CommandField:X4}", cancellationToken).ConfigureAwait(false);
        }
        catch (DicomProtocolException e)
        {
            await EndAsync(e.Reason).ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or SocketException or DicomAssociationAbortedException)
        {
            await EndAsync(AbortReason.NotSpecified).ConfigureAwait(false);
            throw;
        }
        finally
        {
            _requestLock.Release();
        }
    }

    private async ValueTask<DicomCommand> ReadResponseAsync(ushort? messageId, CancellationToken cancellationToken)
    {
        await using var assembler = new DimseMessageAssembler(_accepted.ContainsKey,
            (_, _, _) => ValueTask.FromResult<IDataSetSink>(new MemoryDataSetSink()), maxDataSetLength: MaxResponseDataSetLength);
        while (true)
        {
            var pdu = await _connection.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (pdu)
            {
                case DataTransferPdu data:
                    foreach (var pdv in data.Values)
                    {
                        if (await assembler.AddAsync(pdv, cancellationToken).ConfigureAwait(false) is not { } message) continue;
                        if (message.DataSet is not null) await message.DataSet.DisposeAsync().ConfigureAwait(false);
                        var response = message.Command;
                        if (!CommandField.IsResponse(response.CommandField) || response.MessageIdBeingRespondedTo != messageId)
                            throw new DicomProtocolException($"Unexpected DIMSE message 0x{response.CommandField:X4} while waiting for the response to message {messageId}.", AbortReason.UnexpectedPduParameter);
                        if (response.Status is { } s && DimseStatus.IsPending(s)) continue;
                        return response;
                    }
                    break;
                case AbortPdu abort:
                    _ended = true;
                    await _connection.DisposeAsync().ConfigureAwait(false);
                    throw new DicomAssociationAbortedException($"The peer aborted the association (source {abort.Source}, reason {abort.Reason}).");
                case null:
                    _ended = true;
                    throw new DicomAssociationAbortedException("The peer closed the connection while a response was awaited.");
                default:
                    throw new DicomProtocolException($"Unexpected {pdu.Type} while waiting for a DIMSE response.", AbortReason.UnexpectedPdu);
            }
        }
    }

    /// <summary>
    /// A-RELEASE (PS3.8 section 7.2). On a release collision (the peer also sends A-RELEASE-RQ) the requestor answers
    /// with A-RELEASE-RP and keeps waiting for the peer's A-RELEASE-RP (PS3.8 9.2, states Sta9/Sta11). Bounded by
    /// AssociationTimeout; a peer that does not answer is aborted.
    /// </summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (_ended) return;
        await _requestLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Deadline.RunAsync(async ct =>
            {
                await _connection.Writer.WriteAsync(ReleaseRequestPdu.Instance, ct).ConfigureAwait(false);
                while (true)
                {
                    var pdu = await _connection.Reader.ReadAsync(ct).ConfigureAwait(false);
                    switch (pdu)
                    {
                        case ReleaseResponsePdu or AbortPdu or null:
                            return;
                        case ReleaseRequestPdu:
                            await _connection.Writer.WriteAsync(ReleaseResponsePdu.Instance, ct).ConfigureAwait(false);
                            break;
                        case DataTransferPdu:
                            break; // PS3.8 9.2 (Sta7): P-DATA may still arrive; nothing is outstanding, so it is dropped.
                        default:
                            throw new DicomProtocolException($"Unexpected {pdu.Type} while releasing.", AbortReason.UnexpectedPdu);
                    }
                }
            }, _options.AssociationTimeout, _connection.Time, "A-RELEASE", cancellationToken).ConfigureAwait(false);
            _ended = true;
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or DicomProtocolException or IOException or SocketException or OperationCanceledException)
        {
            await EndAsync(AbortReason.NotSpecified).ConfigureAwait(false);
            if (e is OperationCanceledException) throw;
        }
        finally
        {
            _requestLock.Release();
        }
    }

    /// <summary>A-ABORT (source service-user) and close.</summary>
    public Task AbortAsync() => EndAsync(AbortReason.NotSpecified, AbortSource.ServiceUser);

    private async Task EndAsync(AbortReason reason, AbortSource source = AbortSource.ServiceProvider)
    {
        if (_ended) { await _connection.DisposeAsync().ConfigureAwait(false); return; }
        _ended = true;
        await _connection.AbortAsync(source, reason).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ended) await AbortAsync().ConfigureAwait(false);
        _requestLock.Dispose();
    }
}
