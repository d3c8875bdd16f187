using System.Net.Sockets;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Network.Client;

/// <summary>High-level SCU operations: C-ECHO, and C-STORE of files and folders over as few associations as possible.</summary>
public static class DicomClient
{
    private static readonly string[] UncompressedLittleEndian = [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian];

    /// <summary>Opens an association proposing Verification, sends C-ECHO, releases; returns the status.</summary>
    public static async Task<ushort> EchoAsync(DicomClientOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        await using var association = await DicomAssociation.OpenAsync(options,
            [new PresentationContextProposal(1, DicomUids.Verification, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
            time, cancellationToken).ConfigureAwait(false);
        var status = await association.EchoAsync(cancellationToken).ConfigureAwait(false);
        await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        return status;
    }

    /// <summary>The files to send: each path itself, or every file below a folder (sorted, recursive).</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> filesOrDirectories) =>
        [.. filesOrDirectories.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Repeat(p, 1))];

    /// <summary>
    /// Sends every file (folders are searched recursively) by C-STORE and returns one result per file, in order.
    /// Each file's SOP class is proposed with its own transfer syntax plus Explicit and Implicit VR Little Endian;
    /// a file whose transfer syntax was not accepted is converted between uncompressed syntaxes, or fails alone.
    /// If the association breaks, the remaining files go over a new one.
    /// </summary>
    public static async Task<IReadOnlyList<StoreResult>> SendAsync(DicomClientOptions options, IEnumerable<string> filesOrDirectories,
        IProgress<StoreResult>? progress = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var paths = ExpandPaths(filesOrDirectories);
        var results = new StoreResult?[paths.Count];
        var pending = new List<(int Index, SendableFile File)>();
        for (var i = 0; i < paths.Count; i++)
        {
            try
            {
                pending.Add((i, SendableFile.Probe(paths[i])));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Report(results, progress, i, new StoreResult(paths[i], null, null, e.Message));
            }
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (batch, contexts) = NextBatch(pending);
            pending.RemoveRange(0, batch.Count);
            await SendBatchAsync(options, batch, contexts, results, progress, time, cancellationToken).ConfigureAwait(false);
        }
        return [.. results.Select(r => r!)];
    }

    /// <summary>
    /// The longest prefix of files whose contexts fit in 128: per SOP class one context offering Explicit and
    /// Implicit VR Little Endian, plus one context per other transfer syntax of that class offering only that syntax,
    /// so that an SCP preferring uncompressed syntaxes still gets the chance to accept the file's own encoding.
    /// </summary>
    private static (List<(int Index, SendableFile File)> Batch, List<PresentationContextProposal> Contexts) NextBatch(List<(int Index, SendableFile File)> pending)
    {
        var keys = new List<(string SopClass, string? Ts)>();
        var batch = new List<(int, SendableFile)>();
        foreach (var item in pending)
        {
            var needed = new List<(string, string?)> { (item.File.SopClassUid, null) };
            if (!UncompressedLittleEndian.Contains(item.File.TransferSyntax.Uid)) needed.Add((item.File.SopClassUid, item.File.TransferSyntax.Uid));
            var missing = needed.Where(k => !keys.Contains(k)).ToList();
            if (keys.Count + missing.Count > 128) break;
            keys.AddRange(missing);
            batch.Add(item);
        }
        var contexts = keys.Select((k, i) => new PresentationContextProposal((byte)(2 * i + 1), k.SopClass,
            k.Ts is null ? UncompressedLittleEndian : [k.Ts])).ToList();
        return (batch, contexts);
    }

    private static async Task SendBatchAsync(DicomClientOptions options, List<(int Index, SendableFile File)> batch, List<PresentationContextProposal> contexts,
        StoreResult?[] results, IProgress<StoreResult>? progress, TimeProvider? time, CancellationToken cancellationToken)
    {
        var next = 0;
        var reopened = false;
        while (next < batch.Count)
        {
            DicomAssociation association;
            try
            {
                association = await DicomAssociation.OpenAsync(options, contexts, time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DicomNetworkException or TimeoutException or IOException or SocketException)
            {
                for (; next < batch.Count; next++)
                    Report(results, progress, batch[next].Index, new StoreResult(batch[next].File.Path, batch[next].File.SopInstanceUid, null, e.Message));
                return;
            }
            await using (association.ConfigureAwait(false))
            {
                var broken = false;
                for (; next < batch.Count && !broken; next++)
                {
                    var (index, file) = batch[next];
                    var result = await StoreOneAsync(association, file, cancellationToken).ConfigureAwait(false);
                    broken = result.Broken;
                    Report(results, progress, index, result.Result);
                }
                if (!broken)
                {
                    await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
            if (reopened) // a second broken association: give up on the rest rather than loop
            {
                for (; next < batch.Count; next++)
                    Report(results, progress, batch[next].Index, new StoreResult(batch[next].File.Path, batch[next].File.SopInstanceUid, null, "not sent: the association failed twice"));
                return;
            }
            reopened = true;
        }
    }

    private static async Task<(StoreResult Result, bool Broken)> StoreOneAsync(DicomAssociation association, SendableFile file, CancellationToken cancellationToken)
    {
        // The command carries the file's UIDs: one that is not a UID (a non-ASCII byte...) cannot be encoded. Found by
        // bench/fuzz/run.sh: the exception escaped and ended the whole send.
        if (!DicomUid.IsValid(file.SopClassUid) || !DicomUid.IsValid(file.SopInstanceUid))
            return (new StoreResult(file.Path, file.SopInstanceUid, null, "not sent: its SOP Class or SOP Instance UID is not a valid UID"), false);
        var context = association.FindContext(file.SopClassUid, file.TransferSyntax.Uid)
            ?? association.FindContext(file.SopClassUid, UncompressedLittleEndian);
        if (context is null)
        {
            var any = association.FindContext(file.SopClassUid);
            var why = any is null ? $"the peer did not accept SOP class {file.SopClassUid}"
                : $"the peer did not accept transfer syntax {file.TransferSyntax}, and it cannot be converted";
            return (new StoreResult(file.Path, file.SopInstanceUid, null, why), false);
        }
        var target = DicomTransferSyntax.Lookup(context.TransferSyntax);
        if (target.Uid != file.TransferSyntax.Uid && !file.CanConvertTo(target))
            return (new StoreResult(file.Path, file.SopInstanceUid, null, $"{file.TransferSyntax} cannot be converted to {target}"), false);
        Stream dataSet;
        try
        {
            dataSet = file.OpenDataSet(target);
        }
        catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return (new StoreResult(file.Path, file.SopInstanceUid, null, $"cannot read or convert: {e.Message}"), false);
        }
        await using (dataSet.ConfigureAwait(false))
        {
            try
            {
                var response = await association.StoreAsync(context, file.SopInstanceUid, dataSet, cancellationToken: cancellationToken).ConfigureAwait(false);
                return (new StoreResult(file.Path, file.SopInstanceUid, response.Status ?? DimseStatus.ProcessingFailure, response.ErrorComment), false);
            }
            catch (Exception e) when (e is DicomNetworkException or TimeoutException or IOException or SocketException or DicomDataException)
            {
                return (new StoreResult(file.Path, file.SopInstanceUid, null, e.Message), true);
            }
        }
    }

    private static void Report(StoreResult?[] results, IProgress<StoreResult>? progress, int index, StoreResult result)
    {
        results[index] = result;
        progress?.Report(result);
    }
}
