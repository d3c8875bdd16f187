using System.Net;
using Microsoft.Extensions.Logging;

namespace VoxDose.Dicom.Network.Server;

/// <summary>Log messages of the DICOM server (event IDs 3000-3099). No patient data is ever logged here.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(3000, LogLevel.Information, "DICOM server listening on {EndPoint} as {AeTitles}{Tls}")]
    public static partial void Listening(ILogger logger, EndPoint endPoint, string aeTitles, string tls);

    [LoggerMessage(3001, LogLevel.Information, "DICOM server stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(3002, LogLevel.Information, "Association accepted: {Association}, {Contexts} of {Proposed} presentation contexts, peer max PDU {PeerMaxPdu}")]
    public static partial void Accepted(ILogger logger, string association, int contexts, int proposed, uint peerMaxPdu);

    [LoggerMessage(3003, LogLevel.Warning, "Association rejected: {Association}: {Reject} ({Suppressed} more like it from this peer not logged since the last line)")]
    public static partial void Rejected(ILogger logger, string association, string reject, long suppressed);

    [LoggerMessage(3004, LogLevel.Information, "Association ended: {Association}: {End}")]
    public static partial void Ended(ILogger logger, string association, AssociationEnd end);

    [LoggerMessage(3005, LogLevel.Warning, "Protocol error from {Remote}, aborting: {Message}")]
    public static partial void ProtocolError(ILogger logger, string remote, string message);

    [LoggerMessage(3006, LogLevel.Warning, "Timeout on association with {Remote}, aborting: {Message}")]
    public static partial void TimedOut(ILogger logger, string remote, string message);

    [LoggerMessage(3007, LogLevel.Debug, "Connection from {Remote} closed: {Message}")]
    public static partial void ConnectionLost(ILogger logger, string remote, string message);

    [LoggerMessage(3008, LogLevel.Debug, "C-STORE {SopInstanceUid} ({SopClassUid}) from {Association}: status 0x{Status:X4}")]
    public static partial void Stored(ILogger logger, string sopInstanceUid, string sopClassUid, string association, ushort status);

    [LoggerMessage(3009, LogLevel.Error, "C-STORE handler failed for an instance from {Association}; answering 0110")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string association);

    [LoggerMessage(3010, LogLevel.Warning, "TLS handshake with {Remote} failed: {Message}")]
    public static partial void TlsFailed(ILogger logger, string remote, string message);

    [LoggerMessage(3011, LogLevel.Debug, "C-ECHO from {Association}")]
    public static partial void Echo(ILogger logger, string association);

    [LoggerMessage(3012, LogLevel.Warning, "Unsupported DIMSE command 0x{CommandField:X4} from {Association}; answering 0211")]
    public static partial void Unsupported(ILogger logger, ushort commandField, string association);

    [LoggerMessage(3013, LogLevel.Error, "Accepting connections failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(3014, LogLevel.Error, "Could not write an incoming data set from {Association}; answering A700")]
    public static partial void TempWriteFailed(ILogger logger, Exception exception, string association);

    [LoggerMessage(3015, LogLevel.Error, "Internal error on the association with {Remote}; aborting it")]
    public static partial void InternalError(ILogger logger, Exception exception, string remote);

    [LoggerMessage(3016, LogLevel.Warning, "Connection from {Peer} closed on accept: over the connection limits ({MaxConnections} in all, {MaxConnectionsPerPeer} per peer; {Suppressed} more from this peer not logged since the last line)")]
    public static partial void ConnectionRefused(ILogger logger, string peer, int maxConnections, int maxConnectionsPerPeer, long suppressed);

    [LoggerMessage(3017, LogLevel.Warning, "C-STORE from {Association} refused: {Reason}")]
    public static partial void DataSetIncomplete(ILogger logger, string association, string reason);

    [LoggerMessage(3018, LogLevel.Warning, "C-STORE from {Association} refused with C000: {Reason}")]
    public static partial void StoreCommandRefused(ILogger logger, string association, string reason);
}
