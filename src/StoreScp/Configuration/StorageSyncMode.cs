namespace VoxDose.StoreScp.Configuration;

/// <summary>When a received instance is made durable against a power cut (<c>VoxDose:Storage:SyncMode</c>; docs/performance.md).</summary>
public enum StorageSyncMode
{
    /// <summary>
    /// Default. Before each C-STORE response: the file, its spool folders and the audit row are fsynced. Every
    /// acknowledged instance survives kill -9 and a power cut.
    /// </summary>
    PerInstance,

    /// <summary>
    /// Before each C-STORE response the file is renamed into the spool and its audit row committed (SQLite WAL without
    /// fsync), so it survives kill -9 of the node; the fsyncs (files, folders, the audit database) are made in one
    /// batch when the association ends, before the A-RELEASE response and before the node computes from it. A power
    /// cut (or an operating-system crash) while an association is open can lose instances it already acknowledged.
    /// </summary>
    PerAssociation,
}
