using VoxDose.Dicom;

namespace VoxDose.Bench.DicomRead;

/// <summary>
/// A synthetic post-TARE Y-90 PET series written with VoxDose's writer: 200 slices of 200x200 16-bit voxels with a
/// header like a Siemens Biograph mCT export (patient/study/series, PET series and isotope modules, Y-90 codes).
/// </summary>
internal static class SyntheticPetSeries
{
    public static void Write(string directory, int slices = 200, int size = 200)
    {
        Directory.CreateDirectory(directory);
        var study = DicomUid.Generate();
        var series = DicomUid.Generate();
        var frame = DicomUid.Generate();
        var random = new Random(20240131);
        var voxels = new ushort[size * size];
        for (var z = 0; z < slices; z++)
        {
            var ds = new DicomDataset();
            ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
            ds.AddOrUpdate(DicomTag.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY");
            ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.PETImageStorage);
            ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
            ds.AddOrUpdate(DicomTag.StudyDate, new DateOnly(2024, 1, 31));
            ds.AddOrUpdate(DicomTag.SeriesDate, new DateOnly(2024, 1, 31));
            ds.AddOrUpdate(DicomTag.AcquisitionDate, new DateOnly(2024, 1, 31));
            ds.AddOrUpdate(DicomTag.StudyTime, new TimeOnly(9, 12, 0));
            ds.AddOrUpdate(DicomTag.SeriesTime, new TimeOnly(9, 40, 0));
            ds.AddOrUpdate(DicomTag.AcquisitionTime, new TimeOnly(9, 41, 3));
            ds.AddOrUpdate(DicomTag.Modality, DicomVR.CS, "PT");
            ds.AddOrUpdate(DicomTag.Manufacturer, DicomVR.LO, "SIEMENS");
            ds.AddOrUpdate(DicomTag.InstitutionName, DicomVR.LO, "Synthetic Hospital");
            ds.AddOrUpdate(DicomTag.StationName, DicomVR.SH, "PETCT01");
            ds.AddOrUpdate(DicomTag.StudyDescription, DicomVR.LO, "PET^Y90 post TARE");
            ds.AddOrUpdate(DicomTag.SeriesDescription, DicomVR.LO, "PET AC 2i21s PSF+TOF 5mm");
            ds.AddOrUpdate(DicomTag.ManufacturerModelName, DicomVR.LO, "Biograph40_mCT");
            ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Synthetic^Patient");
            ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, "SYN0001");
            ds.AddOrUpdate(DicomTag.PatientBirthDate, new DateOnly(1960, 5, 5));
            ds.AddOrUpdate(DicomTag.PatientSex, DicomVR.CS, "M");
            ds.AddOrUpdate(DicomTag.PatientWeight, DicomVR.DS, 78.5);
            ds.AddOrUpdate(DicomTag.SliceThickness, DicomVR.DS, 5);
            ds.AddOrUpdate(DicomTag.SoftwareVersions, DicomVR.LO, "VG60A");
            ds.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, study);
            ds.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, series);
            ds.AddOrUpdate(DicomTag.SeriesNumber, DicomVR.IS, 5);
            ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, z + 1);
            ds.AddOrUpdate(DicomTag.ImagePositionPatient, DicomVR.DS, -405.0, -405.0, -z * 5.0);
            ds.AddOrUpdate(DicomTag.ImageOrientationPatient, DicomVR.DS, 1, 0, 0, 0, 1, 0);
            ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, DicomVR.UI, frame);
            ds.AddOrUpdate(DicomTag.SliceLocation, DicomVR.DS, -z * 5.0);
            ds.AddOrUpdate(DicomTag.PixelSpacing, DicomVR.DS, 4.07283, 4.07283);
            ds.AddOrUpdate(DicomTag.RescaleIntercept, DicomVR.DS, 0);
            ds.AddOrUpdate(DicomTag.RescaleSlope, DicomVR.DS, 0.0123456 + z * 1e-6);
            ds.AddOrUpdate(DicomTag.RescaleType, DicomVR.LO, "BQML");
            ds.AddOrUpdate(DicomTag.Units, DicomVR.CS, "BQML");
            ds.AddOrUpdate(DicomTag.CountsSource, DicomVR.CS, "EMISSION");
            ds.AddOrUpdate(DicomTag.SeriesType, DicomVR.CS, "STATIC", "IMAGE");
            ds.AddOrUpdate(DicomTag.CorrectedImage, DicomVR.CS, "NORM", "DTIM", "ATTN", "SCAT", "DECY", "RAN");
            ds.AddOrUpdate(DicomTag.DecayCorrection, DicomVR.CS, "START");
            ds.AddOrUpdate(DicomTag.ReconstructionMethod, DicomVR.LO, "OSEM2i21s");
            ds.AddOrUpdate(DicomTag.NumberOfSlices, DicomVR.US, slices);
            ds.AddOrUpdate(DicomTag.ImageIndex, DicomVR.US, z + 1);
            ds.AddOrUpdate(DicomTag.FrameReferenceTime, DicomVR.DS, 0);
            ds.AddOrUpdate(DicomTag.ActualFrameDuration, DicomVR.IS, 900000);
            ds.AddOrUpdate(DicomTag.DecayFactor, DicomVR.DS, 1.0);
            ds.AddOrUpdate(DicomTag.DoseCalibrationFactor, DicomVR.DS, 1.0);
            var code = new DicomDataset()
                .AddOrUpdate(DicomTag.CodeValue, DicomVR.SH, "14691008")
                .AddOrUpdate(DicomTag.CodingSchemeDesignator, DicomVR.SH, "SCT")
                .AddOrUpdate(DicomTag.CodeMeaning, DicomVR.LO, "^90^Yttrium");
            var radiopharmaceutical = new DicomDataset()
                .AddOrUpdate(DicomTag.Radiopharmaceutical, DicomVR.LO, "Y-90 microspheres")
                .AddOrUpdate(DicomTag.RadiopharmaceuticalStartDateTime, new DateTime(2024, 1, 30, 14, 5, 0))
                .AddOrUpdate(DicomTag.RadionuclideTotalDose, DicomVR.DS, 2.1e9)
                .AddOrUpdate(DicomTag.RadionuclideHalfLife, DicomVR.DS, 230549.76)
                .AddOrUpdate(DicomTag.RadionuclidePositronFraction, DicomVR.DS, 3.186e-5)
                .AddOrUpdateSequence(DicomTag.RadionuclideCodeSequence, code);
            ds.AddOrUpdateSequence(DicomTag.RadiopharmaceuticalInformationSequence, radiopharmaceutical);
            for (var i = 0; i < voxels.Length; i++) voxels[i] = (ushort)random.Next(0, 32767);
            DicomPixelData.Write<ushort>(ds, size, size, 1, voxels);
            DicomFile.Create(ds).Save(Path.Combine(directory, $"PT{z + 1:D4}.dcm"));
        }
    }
}
