using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Network.Client;

/// <summary>The outcome of sending one file: the peer's C-STORE status, or the reason it could not be sent.</summary>
public sealed record StoreResult(string Path, string? SopInstanceUid, ushort? Status, string? Error)
{
    /// <summary>The peer stored the instance (success or warning, PS3.4 B.2.3).</summary>
    public bool Succeeded => Status is { } s && DimseStatus.IsStored(s);

    public override string ToString() =>
        $"{Path}: {(Status is { } s ? DimseStatus.Describe(s) : "not sent")}{(Error is null ? "" : " - " + Error)}";
}
