using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Storage;

/// <summary>
/// The one free-space watermark (Storage:MinFreeMegabytes) for everything the node writes under Storage:Root:
/// received instances (A700 at the watermark), results and reports, and the audit database. Checked before writing.
/// </summary>
public sealed class DiskWatermark(IOptions<VoxDoseOptions> options, IDiskSpaceProbe diskSpace)
{
    /// <summary>Null when there is room; otherwise why not (free bytes against the watermark).</summary>
    public string? Shortfall()
    {
        var storage = options.Value.Storage;
        var root = Path.GetFullPath(storage.Root);
        var available = diskSpace.AvailableBytes(root);
        var minimum = storage.MinFreeMegabytes * 1024L * 1024L;
        return available < minimum
            ? $"only {available / (1024 * 1024)} MB free under {root}, below Storage:MinFreeMegabytes {storage.MinFreeMegabytes}"
            : null;
    }

    /// <summary>Throws <see cref="DiskFullException"/> (an <see cref="IOException"/>) when free space is below the watermark.</summary>
    public void EnsureRoom(string forWhat)
    {
        if (Shortfall() is { } reason) throw new DiskFullException($"Not writing {forWhat}: {reason}.");
    }
}

/// <summary>Free space is below the watermark (or the disk is full): the write waits for space, nothing is lost.</summary>
public sealed class DiskFullException(string message) : IOException(message);
