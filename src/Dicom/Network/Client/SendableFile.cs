namespace VoxDose.Dicom.Network.Client;

/// <summary>
/// What an SCU needs to know about a file before the association: its SOP class and instance, its transfer syntax,
/// and where its data set starts (so that it can be streamed as is, without parsing pixel data).
/// </summary>
internal sealed record SendableFile(string Path, string SopClassUid, string SopInstanceUid, DicomTransferSyntax TransferSyntax, long? DataSetOffset)
{
    private static readonly DicomReadOptions ProbeOptions = new() { StopBeforePixelData = true };

    /// <summary>Reads the file's meta information and identifying attributes; throws with a clear message if unusable.</summary>
    public static SendableFile Probe(string path)
    {
        try
        {
            return ProbeUnchecked(path);
        }
        catch (Exception e) when (e is DicomDataException or IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"not a readable DICOM file: {e.Message}", e);
        }
    }

    private static SendableFile ProbeUnchecked(string path)
    {
        var file = DicomFile.Open(path, ProbeOptions);
        var sopClass = file.Dataset.GetString(DicomTag.SOPClassUID) ?? file.Meta.GetString(DicomTag.MediaStorageSOPClassUID);
        var sopInstance = file.Dataset.GetString(DicomTag.SOPInstanceUID) ?? file.Meta.GetString(DicomTag.MediaStorageSOPInstanceUID);
        if (string.IsNullOrWhiteSpace(sopClass)) throw new InvalidDataException("SOP Class UID (0008,0016) is missing");
        if (string.IsNullOrWhiteSpace(sopInstance)) throw new InvalidDataException("SOP Instance UID (0008,0018) is missing");
        long? offset = null;
        // Stream the data set as is only when the file layout is the standard one: preamble, DICM, meta with its group length.
        if (file.HadPreamble && file.Meta.Contains(DicomTag.FileMetaInformationGroupLength))
            offset = 132 + 12 + (long)file.Meta.GetValues<uint>(DicomTag.FileMetaInformationGroupLength)[0];
        return new SendableFile(path, sopClass.Trim(), sopInstance.Trim(), file.TransferSyntax, offset);
    }

    /// <summary>The data set encoded in <paramref name="target"/>: the file bytes as they are, or converted.</summary>
    public Stream OpenDataSet(DicomTransferSyntax target)
    {
        if (target.Uid == TransferSyntax.Uid && DataSetOffset is { } offset)
        {
            var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            stream.Position = offset;
            return stream;
        }
        var file = DicomFile.Open(Path);
        var dataset = file.Dataset;
        if (dataset.Any(e => e.Tag.Group == 0x0002))
        {
            dataset = dataset.Clone();
            dataset.RemoveAll(e => e.Tag.Group == 0x0002);
        }
        return new MemoryStream(DicomDatasetWriter.ToBytes(dataset, target), writable: false);
    }

    /// <summary>Whether the data set can be re-encoded into <paramref name="target"/> (uncompressed to uncompressed only).</summary>
    public bool CanConvertTo(DicomTransferSyntax target) =>
        !TransferSyntax.IsEncapsulated && !target.IsEncapsulated && target.IsLittleEndian && !target.IsDeflated;
}
