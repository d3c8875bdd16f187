namespace VoxDose.Dicom;

/// <summary>Reads a bare data set (no preamble, no meta group) in a given transfer syntax: command sets, P-DATA payloads, file bodies.</summary>
public static class DicomDatasetReader
{
    /// <summary>Reads the rest of the stream as one data set.</summary>
    public static DicomDataset Read(Stream stream, DicomTransferSyntax transferSyntax, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        return Read(ReadAll(stream), transferSyntax, options);
    }

    /// <summary>Parses a data set from bytes (the array is referenced by the values, not copied).</summary>
    public static DicomDataset Read(byte[] bytes, DicomTransferSyntax transferSyntax, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        options ??= DicomReadOptions.Default;
        if (transferSyntax.IsDeflated) bytes = IO.BoundedInflater.Inflate(bytes, 0, options.MaxInflatedBytes);
        var parser = new IO.DicomParser(bytes, complete: true, options);
        return parser.ParseDataset(0, bytes.Length, transferSyntax.IsExplicitVR, transferSyntax.IsLittleEndian);
    }

    internal static byte[] ReadAll(Stream stream)
    {
        if (stream is MemoryStream ms && ms.Position == 0) return ms.ToArray();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
