using VoxDose.Dicom;

namespace VoxDose.Tests.Shared;

/// <summary>Small synthetic PET/CT-like instances written with the data layer, for network and end-to-end tests.</summary>
public static class SyntheticDicom
{
    /// <summary>A PET image data set (16-bit, rows x columns) with a deterministic pixel pattern seeded by <paramref name="index"/>.</summary>
    public static DicomDataset PetImage(int index, int rows = 32, int columns = 32, string? seriesUid = null, string modality = "PT")
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, modality == "CT" ? DicomUids.CTImageStorage : DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, "2.25.1234567890123456789");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, seriesUid ?? "2.25.9876543210987654321");
        ds.AddOrUpdate(DicomTag.Modality, DicomVR.CS, modality);
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Synthetic^Phantom");
        ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, "SYN-001");
        ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.ImagePositionPatient, DicomVR.DS, "-100", "-100", (index * 2.5).ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.ImageOrientationPatient, DicomVR.DS, "1", "0", "0", "0", "1", "0");
        ds.AddOrUpdate(DicomTag.PixelSpacing, DicomVR.DS, "4", "4");
        ds.AddOrUpdate(DicomTag.RescaleSlope, DicomVR.DS, "0.5");
        ds.AddOrUpdate(DicomTag.RescaleIntercept, DicomVR.DS, "0");
        ds.AddOrUpdate(DicomTag.Units, DicomVR.CS, "BQML");
        ds.AddOrUpdateValues<ushort>(DicomTag.SamplesPerPixel, DicomVR.US, [1]);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.AddOrUpdateValues<ushort>(DicomTag.Rows, DicomVR.US, [(ushort)rows]);
        ds.AddOrUpdateValues<ushort>(DicomTag.Columns, DicomVR.US, [(ushort)columns]);
        ds.AddOrUpdateValues<ushort>(DicomTag.BitsAllocated, DicomVR.US, [16]);
        ds.AddOrUpdateValues<ushort>(DicomTag.BitsStored, DicomVR.US, [16]);
        ds.AddOrUpdateValues<ushort>(DicomTag.HighBit, DicomVR.US, [15]);
        ds.AddOrUpdateValues<ushort>(DicomTag.PixelRepresentation, DicomVR.US, [0]);
        var pixels = new ushort[rows * columns];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (ushort)((i * 31 + index * 977) & 0xFFFF);
        ds.AddOrUpdateValues<ushort>(DicomTag.PixelData, DicomVR.OW, pixels);
        return ds;
    }

    /// <summary>Writes <paramref name="count"/> PET instances as Part 10 files into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> WritePetSeries(string directory, int count, int rows = 32, int columns = 32,
        DicomTransferSyntax? transferSyntax = null, string prefix = "pet")
    {
        Directory.CreateDirectory(directory);
        var series = DicomUid.Generate();
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(directory, $"{prefix}{i:D4}.dcm");
            DicomFile.Create(PetImage(i, rows, columns, series), transferSyntax ?? DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
            paths.Add(path);
        }
        return paths;
    }
}
