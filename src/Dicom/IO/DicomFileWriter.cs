namespace VoxDose.Dicom.IO;

/// <summary>
/// Writes Part 10 files (PS3.10 7.1): 128-byte zero preamble, "DICM", the meta group in Explicit VR Little Endian
/// rebuilt from the data set, then the data set in the file's transfer syntax.
/// </summary>
internal static class DicomFileWriter
{
    public static void Write(Stream stream, DicomFile file)
    {
        var meta = BuildMeta(file);
        Span<byte> preamble = stackalloc byte[132];
        preamble.Clear();
        "DICM"u8.CopyTo(preamble[128..]);
        stream.Write(preamble);
        DicomDatasetWriter.Write(stream, meta, DicomTransferSyntax.ExplicitVRLittleEndian);
        var body = file.Dataset;
        if (body.Any(e => e.Tag.Group == 0x0002))
        {
            body = body.Clone();
            body.RemoveAll(e => e.Tag.Group == 0x0002);
        }
        DicomDatasetWriter.Write(stream, body, file.TransferSyntax);
    }

    /// <summary>
    /// The meta group: version 00\01, media storage SOP class/instance from (0008,0016)/(0008,0018), the transfer
    /// syntax, VoxDose's implementation class UID and version name; source/sending AE titles kept from the old meta.
    /// </summary>
    public static DicomDataset BuildMeta(DicomFile file)
    {
        var ds = file.Dataset;
        var sopClass = ds.GetString(DicomTag.SOPClassUID) ?? file.Meta.GetString(DicomTag.MediaStorageSOPClassUID);
        var sopInstance = ds.GetString(DicomTag.SOPInstanceUID) ?? file.Meta.GetString(DicomTag.MediaStorageSOPInstanceUID);
        if (string.IsNullOrEmpty(sopClass))
            throw new DicomDataException(DicomTag.SOPClassUID, "is absent; a Part 10 file needs it for (0002,0002) Media Storage SOP Class UID.");
        if (string.IsNullOrEmpty(sopInstance))
            throw new DicomDataException(DicomTag.SOPInstanceUID, "is absent; a Part 10 file needs it for (0002,0003) Media Storage SOP Instance UID.");
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomTag.FileMetaInformationVersion, DicomVR.OB, [0, 1]);
        meta.AddOrUpdate(DicomTag.MediaStorageSOPClassUID, DicomVR.UI, sopClass);
        meta.AddOrUpdate(DicomTag.MediaStorageSOPInstanceUID, DicomVR.UI, sopInstance);
        meta.AddOrUpdate(DicomTag.TransferSyntaxUID, DicomVR.UI, file.TransferSyntax.Uid);
        meta.AddOrUpdate(DicomTag.ImplementationClassUID, DicomVR.UI, DicomUids.ImplementationClassUid);
        meta.AddOrUpdate(DicomTag.ImplementationVersionName, DicomVR.SH, DicomUids.ImplementationVersionName);
        foreach (var keep in new[] { DicomTag.SourceApplicationEntityTitle, DicomTag.SendingApplicationEntityTitle, DicomTag.ReceivingApplicationEntityTitle })
            if (file.Meta.Find(keep) is { IsSequence: false } e) meta.AddOrUpdate(e);
        return meta;
    }
}
