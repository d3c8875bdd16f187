using Microsoft.Extensions.Logging;
using VoxDose.Dicom.Network.Server;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Storage;
using VoxDose.Dicom;
using VoxDose.StoreScp.Telemetry;

namespace VoxDose.StoreScp.Ingest;

/// <summary>
/// What the C-STORE handler calls for every received instance: durable spool write, then the audit record, then
/// the assembly timers, and only then a success status. Every failure maps to a status here.
/// </summary>
public sealed class IngestService(SpoolStore spool, InstanceRepository instances, EventRepository events, StudyAssembler assembler,
    NodeMeter meter, ILogger<IngestService> logger)
{
    /// <param name="receivedSha256">The file's SHA-256 when the receiver hashed it on the way in: the file is then
    /// renamed into the spool, not read and copied.</param>
    /// <returns>What became of the instance; <see cref="StoreStatusMapper"/> turns it into the DIMSE status.</returns>
    /// <param name="deferred">Storage:SyncMode PerAssociation: the association's batch of fsyncs still owed; null: fsync now.</param>
    public async Task<StoreOutcome> IngestAsync(string receivedFile, InstanceHeader header, long? associationId,
        string? receivedSha256 = null, PendingSyncs? deferred = null, CancellationToken ct = default)
    {
        var outcome = await StoreAsync(receivedFile, header, associationId, receivedSha256, deferred, ct).ConfigureAwait(false);
        if (outcome == StoreOutcome.Stored) meter.InstancesStored.Add(1);
        else meter.InstancesRefused.Add(1, new KeyValuePair<string, object?>("status", StoreStatusMapper.StatusOf(outcome).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
        return outcome;
    }

    private async Task<StoreOutcome> StoreAsync(string receivedFile, InstanceHeader header, long? associationId, string? receivedSha256,
        PendingSyncs? deferred, CancellationToken ct)
    {
        try
        {
            var (role, reason) = ObjectClassifier.Classify(header);
            var stored = await spool.StoreAsync(receivedFile, header.StudyUid, header.SeriesUid, header.SopInstanceUid, receivedSha256, deferred, ct).ConfigureAwait(false);
            var arrival = new InstanceArrival(header.StudyUid, header.SeriesUid, header.SopInstanceUid, header.SopClassUid, header.Modality,
                role, reason, header.FrameOfReferenceUid, header.NumberOfSlices, stored.Sha256, stored.SizeBytes, stored.Path, associationId,
                header.Identifiers);
            var outcome = await instances.RecordArrivalAsync(arrival, ct).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case ArrivalKind.Duplicate:
                    IngestLog.Duplicate(logger, header.SopInstanceUid);
                    return StoreOutcome.Stored;
                case ArrivalKind.NewVersion:
                    IngestLog.NewVersion(logger, header.SopInstanceUid, outcome.Version, header.StudyUid);
                    await events.AddAsync("ingest", "new-version", header.StudyUid,
                        $"SOP Instance {header.SopInstanceUid} received with different content, kept as version {outcome.Version}", ct).ConfigureAwait(false);
                    break;
            }
            IngestLog.Stored(logger, header.SopInstanceUid, outcome.Version, outcome.Kind, header.SeriesUid, role);
            await assembler.OnArrivalAsync(arrival, outcome, ct).ConfigureAwait(false);
            return StoreOutcome.Stored;
        }
        catch (SpoolRefusedException refused)
        {
            var outcome = refused.Refusal == SpoolRefusal.DiskFull ? StoreOutcome.OutOfResources : StoreOutcome.CannotUnderstand;
            var status = StoreStatusMapper.StatusOf(outcome);
            IngestLog.Refused(logger, status, refused.Reason);
            await TryAuditAsync(refused.Refusal == SpoolRefusal.DiskFull ? "refused-disk-full" : "refused-invalid-uid",
                DicomUid.IsValid(header.StudyUid) ? header.StudyUid : null, $"C-STORE {status:X4}: {refused.Reason}").ConfigureAwait(false);
            return outcome;
        }
        catch (Exception e) when (IsDiskFull(e))
        {
            // The disk filled between the watermark check and the write (or SQLite found no room): A700, not 0110.
            IngestLog.Refused(logger, StoreStatusMapper.StatusOf(StoreOutcome.OutOfResources), e.Message);
            return StoreOutcome.OutOfResources;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            IngestLog.Failed(logger, e);
            await TryAuditAsync("store-failed", null, $"C-STORE 0110: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return StoreOutcome.ProcessingFailure;
        }
    }

    private async Task TryAuditAsync(string kind, string? studyUid, string detail)
    {
        try
        {
            await events.AddAsync("ingest", kind, studyUid, detail).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            // The audit database itself may be what failed; the log line above still records the refusal.
        }
    }

    /// <summary>ENOSPC (28) or SQLITE_FULL (13): the disk is full.</summary>
    private static bool IsDiskFull(Exception e) =>
        e is Storage.DiskFullException
        || (e is IOException io && (io.HResult & 0xFFFF) == 28)
        || (e is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteErrorCode == 13);
}
