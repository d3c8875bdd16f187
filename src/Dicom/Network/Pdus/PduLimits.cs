namespace VoxDose.Dicom.Network.Pdus;

/// <summary>Hard limits on what a peer may send, so that a hostile or broken peer cannot exhaust memory.</summary>
public sealed record PduLimits
{
    /// <summary>Largest P-DATA-TF PDU (length field) accepted; normally the maximum PDU length this side announced.</summary>
    public uint MaxDataPduLength { get; init; } = 1 << 20;

    /// <summary>Largest A-ASSOCIATE-RQ/AC PDU accepted (128 presentation contexts fit easily in 64 KiB).</summary>
    public uint MaxAssociatePduLength { get; init; } = 256 * 1024;
}
