using System.Net;

namespace VoxDose.Dicom.Network.Associations;

/// <summary>
/// Which associations and presentation contexts an SCP accepts. Null lists mean "any". AE titles compare exactly
/// (case-sensitive, surrounding spaces ignored), as PS3.5 defines AE values.
/// </summary>
public sealed record AcceptPolicy
{
    /// <summary>AE titles this SCP answers to (the called AE of the request). Must not be empty.</summary>
    public IReadOnlyCollection<string> CalledAeTitles { get; init; } = ["VOXDOSE"];

    /// <summary>Calling AE titles allowed to associate; null accepts any.</summary>
    public IReadOnlyCollection<string>? CallingAeTitles { get; init; }

    /// <summary>Peer addresses (CIDR networks) allowed to connect; null accepts any.</summary>
    public IReadOnlyCollection<IPNetwork>? AllowedNetworks { get; init; }

    /// <summary>Whether a SOP class (abstract syntax) is accepted; default: Verification and the storage SOP classes.</summary>
    public Func<string, bool> AcceptSopClass { get; init; } = IsVerificationOrStorage;

    /// <summary>Transfer syntaxes in order of preference; the first one also proposed by the peer is chosen.</summary>
    public IReadOnlyList<string> PreferredTransferSyntaxes { get; init; } =
        [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian];

    /// <summary>
    /// Whether a proposed transfer syntax outside <see cref="PreferredTransferSyntaxes"/> (e.g. a compressed one) is
    /// accepted for storage. A storage SCP keeps the bytes as received, so this is safe; default true.
    /// </summary>
    public bool AcceptOtherTransferSyntaxes { get; init; } = true;

    /// <summary>Verification (PS3.4 annex A) or a storage SOP class (PS3.4 annex B: 1.2.840.10008.5.1.4.1.1.*).</summary>
    public static bool IsVerificationOrStorage(string sopClassUid) =>
        sopClassUid == DicomUids.Verification || sopClassUid.StartsWith("1.2.840.10008.5.1.4.1.1.", StringComparison.Ordinal);

    internal static bool IsAllowed(IPAddress address, IReadOnlyCollection<IPNetwork>? networks)
    {
        if (networks is null) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }
}
