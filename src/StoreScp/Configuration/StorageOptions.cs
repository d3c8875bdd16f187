namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Storage</c>: where received instances, results and the SQLite audit live.</summary>
public sealed class StorageOptions
{
    /// <summary>Storage root; relative paths are taken from the working directory.</summary>
    public string Root { get; set; } = "/var/lib/voxdose";

    /// <summary>Below this many free megabytes on the storage volume, C-STORE is refused with A700 (out of resources).</summary>
    public long MinFreeMegabytes { get; set; } = 1024;

    /// <summary>When received instances are fsynced: before each C-STORE response (default) or once per association (<see cref="StorageSyncMode"/>).</summary>
    public StorageSyncMode SyncMode { get; set; } = StorageSyncMode.PerInstance;
}
