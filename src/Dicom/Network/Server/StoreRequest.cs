using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// An instance received by C-STORE. <see cref="FilePath"/> is a complete DICOM Part 10 file (preamble, file meta
/// information, then the data set exactly as received) in the server's temporary directory. The handler may move it
/// away; whatever is left there after the handler returns is deleted.
/// </summary>
public sealed record StoreRequest(
    AssociationInfo Association,
    ushort MessageId,
    string SopClassUid,
    string SopInstanceUid,
    string TransferSyntaxUid,
    DimsePriority Priority,
    string? MoveOriginatorAeTitle,
    ushort? MoveOriginatorMessageId,
    string FilePath)
{
    /// <summary>SHA-256 (lower-case hex) of the file at <see cref="FilePath"/>, computed while it was received; null when unknown.</summary>
    public string? FileSha256 { get; init; }

    /// <summary>Size of the file at <see cref="FilePath"/> in bytes, as received (0 when unknown).</summary>
    public long FileLength { get; init; }
}

/// <summary>The status a handler decides for one C-STORE (use <see cref="DimseStatus"/> constants).</summary>
public sealed record StoreResponse(ushort Status, string? ErrorComment = null)
{
    public static StoreResponse Success { get; } = new(DimseStatus.Success);
}
