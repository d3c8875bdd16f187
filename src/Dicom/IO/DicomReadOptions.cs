namespace VoxDose.Dicom;

/// <summary>Options for reading DICOM files and streams.</summary>
public sealed record DicomReadOptions
{
    public static readonly DicomReadOptions Default = new();

    /// <summary>Stop at the first top-level (7FE0,0008/0009/0010) pixel data element, for fast header scans.</summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>How deep sequences may nest before the data is refused as malformed.</summary>
    public int MaxSequenceDepth { get; init; } = 64;
}
