using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Nm;

/// <summary>
/// Writes a counts volume as one NM Image Storage multi-frame RECON TOMO object (PS3.3 A.5, C.8.4): Frame Increment
/// Pointer to Slice Vector (0054,0080), Image Position/Orientation (Patient) in the Detector Information Sequence
/// (0054,0022), Spacing Between Slices (0018,0088), Tc-99m MAA by code (CID 18 / CID 25) and a 126-155 keV window.
/// For phantoms and tests; patient and study identity come from the caller.
/// </summary>
public static class NmSpectWriter
{
    public static DicomDataset ToDataset(Volume counts, string studyInstanceUid, string seriesInstanceUid, string? patientId = null, DateTime? acquisition = null)
    {
        var when = acquisition ?? DateTime.UtcNow;
        var plane = counts.StrideZ;
        // NM pixels are counts without a rescale (the NM Image IOD has no Modality LUT): rounded, scaled down only if they
        // would overflow 16 bits (the plan uses count ratios, so a common factor changes nothing).
        double max = 0;
        foreach (var v in counts.Voxels) max = Math.Max(max, v);
        var scale = max > 65535 ? 65535 / max : 1.0;
        var pixels = new ushort[counts.Count];
        double total = 0;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (ushort)Math.Clamp(Math.Round(counts.Voxels[i] * scale), 0, 65535);
            total += pixels[i];
        }

        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 192");
        ds.AddOrUpdate(DicomTag.ImageType, "ORIGINAL", "PRIMARY", "RECON TOMO", "EMISSION");
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomUids.NMImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate());
        ds.AddOrUpdate(DicomTag.StudyDate, when.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.StudyTime, when.ToString("HHmmss", CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.SeriesDate, when.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.SeriesTime, when.ToString("HHmmss", CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.AccessionNumber, "");
        ds.AddOrUpdate(DicomTag.Modality, "NM");
        ds.AddOrUpdate(DicomTag.Manufacturer, "VoxDose");
        ds.AddOrUpdate(DicomTag.ReferringPhysicianName, "");
        ds.AddOrUpdate(DicomTag.SeriesDescription, "Tc-99m MAA SPECT");
        ds.AddOrUpdate(DicomTag.PatientName, "");
        ds.AddOrUpdate(DicomTag.PatientID, patientId ?? "");
        ds.AddOrUpdate(DicomTag.PatientBirthDate, "");
        ds.AddOrUpdate(DicomTag.PatientSex, "");
        ds.AddOrUpdate(DicomTag.SliceThickness, counts.SpacingMm.Z);
        ds.AddOrUpdate(DicomTag.SpacingBetweenSlices, counts.SpacingMm.Z);
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, studyInstanceUid);
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, seriesInstanceUid);
        ds.AddOrUpdate(DicomTag.StudyID, "");
        ds.AddOrUpdate(DicomTag.SeriesNumber, 1);
        ds.AddOrUpdate(DicomTag.InstanceNumber, 1);
        ds.AddOrUpdate(DicomTag.PatientOrientation, "");
        if (counts.FrameOfReferenceUid is { } frame) ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, frame);
        ds.AddOrUpdate(DicomTag.PositionReferenceIndicator, "");
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, DicomVR.US, 1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.NumberOfFrames, counts.SizeZ);
        ds.AddOrUpdate(DicomTag.FrameIncrementPointer, DicomTag.SliceVector);
        ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, counts.SizeY);
        ds.AddOrUpdate(DicomTag.Columns, DicomVR.US, counts.SizeX);
        ds.AddOrUpdate(DicomTag.PixelSpacing, counts.SpacingMm.Y, counts.SpacingMm.X);
        ds.AddOrUpdate(DicomTag.BitsAllocated, DicomVR.US, 16);
        ds.AddOrUpdate(DicomTag.BitsStored, DicomVR.US, 16);
        ds.AddOrUpdate(DicomTag.HighBit, DicomVR.US, 15);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, DicomVR.US, 0);
        ds.AddOrUpdate(DicomTag.CountsAccumulated, total);
        ds.AddOrUpdate(DicomTag.Laterality, "");
        ds.AddOrUpdate(DicomTag.CorrectedImage, "ATTN", "SCAT");

        var range = new DicomDataset();
        range.AddOrUpdate(DicomTag.EnergyWindowLowerLimit, 126.5);
        range.AddOrUpdate(DicomTag.EnergyWindowUpperLimit, 154.5);
        var window = new DicomDataset();
        window.AddOrUpdateSequence(DicomTag.EnergyWindowRangeSequence, range);
        window.AddOrUpdate(DicomTag.EnergyWindowName, "Tc99m");
        ds.AddOrUpdateSequence(DicomTag.EnergyWindowInformationSequence, window);
        ds.AddOrUpdate(DicomTag.NumberOfEnergyWindows, DicomVR.US, 1);

        var nuclide = Code(Tc99mConstants.SctCode, "SCT", "^99m^Technetium");
        var drug = Code("85693008", "SCT", "Technetium Tc^99m^ aggregated albumin");
        var radiopharm = new DicomDataset();
        radiopharm.AddOrUpdate(DicomTag.Radiopharmaceutical, "Tc-99m MAA");
        radiopharm.AddOrUpdateSequence(DicomTag.RadionuclideCodeSequence, nuclide);
        radiopharm.AddOrUpdateSequence(DicomTag.RadiopharmaceuticalCodeSequence, drug);
        ds.AddOrUpdateSequence(DicomTag.RadiopharmaceuticalInformationSequence, radiopharm);

        var detector = new DicomDataset();
        var o = counts.VoxelToPatient(0, 0, 0);
        detector.AddOrUpdate(DicomTag.ImagePositionPatient, o.X, o.Y, o.Z);
        detector.AddOrUpdate(DicomTag.CollimatorType, "PARA");
        detector.AddOrUpdate(DicomTag.ImageOrientationPatient, counts.RowDirection.X, counts.RowDirection.Y, counts.RowDirection.Z,
            counts.ColumnDirection.X, counts.ColumnDirection.Y, counts.ColumnDirection.Z);
        ds.AddOrUpdateSequence(DicomTag.DetectorInformationSequence, detector);
        ds.AddOrUpdate(DicomTag.NumberOfDetectors, DicomVR.US, 1);
        ds.AddOrUpdateSequence(DicomTag.RotationInformationSequence, Array.Empty<DicomDataset>());
        ds.AddOrUpdate(DicomTag.NumberOfRotations, DicomVR.US, 1);
        var sliceVector = Enumerable.Range(1, counts.SizeZ).Select(i => (ushort)i).ToArray();
        ds.AddOrUpdateValues<ushort>(DicomTag.SliceVector, DicomVR.US, sliceVector);
        ds.AddOrUpdate(DicomTag.NumberOfSlices, DicomVR.US, counts.SizeZ);
        ds.AddOrUpdateSequence(DicomTag.PatientOrientationCodeSequence, Array.Empty<DicomDataset>());
        ds.AddOrUpdateSequence(DicomTag.PatientGantryRelationshipCodeSequence, Array.Empty<DicomDataset>());
        ds.AddOrUpdateValues<ushort>(DicomTag.PixelData, DicomVR.OW, pixels);
        return ds;
    }

    private static DicomDataset Code(string value, string scheme, string meaning)
    {
        var c = new DicomDataset();
        c.AddOrUpdate(DicomTag.CodeValue, value);
        c.AddOrUpdate(DicomTag.CodingSchemeDesignator, scheme);
        c.AddOrUpdate(DicomTag.CodeMeaning, meaning);
        return c;
    }
}
