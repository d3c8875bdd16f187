using System.Net;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Network.Associations;

/// <summary>What an accept policy or handler knows about an association request.</summary>
public sealed record AssociationInfo(string CalledAeTitle, string CallingAeTitle, IPEndPoint RemoteEndPoint, AssociateRequestPdu Request)
{
    /// <summary>Contexts accepted so far (empty while the request is being judged).</summary>
    public IReadOnlyDictionary<byte, AcceptedContext> AcceptedContexts { get; init; } = new Dictionary<byte, AcceptedContext>();

    /// <summary>For logs: AE titles come from the network, so their control characters are escaped (<see cref="LogText"/>).</summary>
    public override string ToString() => $"{LogText.Escape(CallingAeTitle)}@{RemoteEndPoint} -> {LogText.Escape(CalledAeTitle)}";
}
