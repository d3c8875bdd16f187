using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.Dicom;

namespace VoxDose.StoreScp.Storage;

/// <summary>
/// The spool of received instances: <c>{Root}/spool/{Study UID}/{Series UID}/{SOP Instance UID}/{sha256}.dcm</c>.
/// Content-addressed, so the same instance sent twice lands on the same file and a changed one lands beside it
/// (the audit database numbers the versions). UIDs are validated before they become path components.
/// </summary>
public sealed class SpoolStore(IOptions<VoxDoseOptions> options, DiskWatermark watermark)
{
    private StorageOptions Storage => options.Value.Storage;

    public string SpoolRoot => Path.Combine(Path.GetFullPath(Storage.Root), "spool");

    public string IncomingDirectory => Path.Combine(Path.GetFullPath(Storage.Root), "incoming");

    /// <summary>Throws <see cref="SpoolRefusedException"/> when free space is below the watermark.</summary>
    public void EnsureSpace()
    {
        if (watermark.Shortfall() is { } reason) throw new SpoolRefusedException(SpoolRefusal.DiskFull, reason);
    }

    /// <summary>
    /// Stores a received file in the spool. With <paramref name="receivedSha256"/> (hashed while it was received) the
    /// file is not read again: it is fsynced and renamed into place (<see cref="DurableFile.MoveInto"/>), one write per
    /// instance. Without it, the file is hashed and copied durably, and the source is left where it is.
    /// </summary>
    /// <param name="deferred">Storage:SyncMode PerAssociation: the fsyncs of a renamed file go to this batch (a copied file is still fsynced here).</param>
    public async Task<SpoolResult> StoreAsync(string sourceFile, string studyUid, string seriesUid, string sopInstanceUid,
        string? receivedSha256 = null, PendingSyncs? deferred = null, CancellationToken ct = default)
    {
        CheckUid(studyUid, "Study Instance UID (0020,000D)");
        CheckUid(seriesUid, "Series Instance UID (0020,000E)");
        CheckUid(sopInstanceUid, "SOP Instance UID (0008,0018)");
        EnsureSpace();

        var (sha256, size) = receivedSha256 is null
            ? await HashAsync(sourceFile, ct).ConfigureAwait(false)
            : (receivedSha256, new FileInfo(sourceFile).Length);
        var target = Path.Combine(SpoolRoot, studyUid, seriesUid, sopInstanceUid, sha256 + ".dcm");
        if (File.Exists(target) && new FileInfo(target).Length == size)
            return new SpoolResult(target, sha256, size, AlreadyPresent: true);
        if (receivedSha256 is null) await DurableFile.CopyAsync(sourceFile, target, ct).ConfigureAwait(false);
        else DurableFile.MoveInto(sourceFile, target, SpoolRoot, deferred);
        return new SpoolResult(target, sha256, size, AlreadyPresent: false);
    }

    private static void CheckUid(string uid, string name)
    {
        var problem = DicomUid.Explain(uid);
        if (problem is not null) throw new SpoolRefusedException(SpoolRefusal.InvalidUid, $"{name} is not a valid UID: {problem}");
    }

    public static async Task<(string Sha256, long Size)> HashAsync(string file, CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }
}
