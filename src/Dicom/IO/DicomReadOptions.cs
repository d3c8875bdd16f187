namespace VoxDose.Dicom;

/// <summary>Options for reading DICOM files and streams.</summary>
public sealed record DicomReadOptions
{
    public static readonly DicomReadOptions Default = new();

    /// <summary>Stop at the first top-level (7FE0,0008/0009/0010) pixel data element, for fast header scans.</summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>How deep sequences may nest before the data is refused as malformed.</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>Default for <see cref="MaxInflatedBytes"/>: 1 GiB, several times the largest deflated object we know of
    /// (a 600-slice 512 x 512 16-bit CT series as one multi-frame object is about 300 MB).</summary>
    public const long DefaultMaxInflatedBytes = 1L << 30;

    /// <summary>
    /// The most bytes a Deflated Explicit VR Little Endian data set may inflate to before it is refused (a deflate bomb:
    /// 1 MB inflating to gigabytes). Inflation is streamed: a header scan inflates only the header.
    /// </summary>
    public long MaxInflatedBytes { get; init; } = DefaultMaxInflatedBytes;
}
