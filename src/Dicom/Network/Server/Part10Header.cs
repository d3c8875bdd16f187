namespace VoxDose.Dicom.Network.Server;

/// <summary>
/// The start of a Part 10 file (PS3.10 section 7.1): 128-byte preamble, "DICM" and the file meta information,
/// built from what the C-STORE command and presentation context say, so the data set can follow byte for byte.
/// </summary>
internal static class Part10Header
{
    public static async Task WriteAsync(Stream stream, string sopClassUid, string sopInstanceUid, string transferSyntaxUid,
        string? sourceAeTitle, CancellationToken cancellationToken)
    {
        var meta = new DicomDataset();
        meta.AddOrUpdateValues<uint>(DicomTag.FileMetaInformationGroupLength, DicomVR.UL, [0u]);
        meta.AddOrUpdate(DicomTag.FileMetaInformationVersion, DicomVR.OB, [0, 1]);
        meta.AddOrUpdate(DicomTag.MediaStorageSOPClassUID, DicomVR.UI, sopClassUid);
        meta.AddOrUpdate(DicomTag.MediaStorageSOPInstanceUID, DicomVR.UI, sopInstanceUid);
        meta.AddOrUpdate(DicomTag.TransferSyntaxUID, DicomVR.UI, transferSyntaxUid);
        meta.AddOrUpdate(DicomTag.ImplementationClassUID, DicomVR.UI, DicomUids.ImplementationClassUid);
        meta.AddOrUpdate(DicomTag.ImplementationVersionName, DicomVR.SH, DicomUids.ImplementationVersionName);
        if (sourceAeTitle is not null) meta.AddOrUpdate(DicomTag.SourceApplicationEntityTitle, DicomVR.AE, sourceAeTitle);
        var bytes = new byte[132];
        "DICM"u8.CopyTo(bytes.AsSpan(128));
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(DicomDatasetWriter.ToBytes(meta, DicomTransferSyntax.ExplicitVRLittleEndian), cancellationToken).ConfigureAwait(false);
    }
}
