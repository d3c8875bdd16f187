using VoxDose.Dicom;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>
/// Writes the phantom PET as PET Image Storage files with scanner-like headers: Units BQML, Decay Correction START,
/// per-slice Rescale Slope on signed 16-bit pixels, Radiopharmaceutical Information Sequence with the Y-90 code
/// (14691008 SCT) and half-life, Number of Slices, Image Index.
/// </summary>
public static class PhantomPetWriter
{
    public static IReadOnlyList<string> Write(PhantomSpec spec, PhantomIdentity identity, Volume petBqPerMl, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        var acquisition = spec.AcquisitionDateTime;
        for (var k = 0; k < spec.Slices; k++)
        {
            var ds = identity.NewImage(spec, new(DicomUids.PETImageStorage, "PT", identity.PetSeriesInstanceUid, 1.0, "Y-90 PET phantom OSEM 2i21s"),
                k + 1, acquisition, "ORIGINAL", "PRIMARY");
            ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, identity.FrameOfReferenceUid);
            ds.AddOrUpdate(DicomTag.PositionReferenceIndicator, "");
            ds.AddOrUpdate(DicomTag.CollimatorType, "NONE");
            ds.AddOrUpdateSequence(DicomTag.PatientOrientationCodeSequence);
            ds.AddOrUpdateSequence(DicomTag.PatientGantryRelationshipCodeSequence);

            var position = spec.VoxelCentreMm(0, 0, k);
            ds.AddOrUpdate(DicomTag.ImagePositionPatient, position.X, position.Y, position.Z);
            ds.AddOrUpdate(DicomTag.ImageOrientationPatient, 1.0, 0, 0, 0, 1, 0);
            ds.AddOrUpdate(DicomTag.SliceLocation, position.Z);
            ds.AddOrUpdate(DicomTag.SliceThickness, spec.SliceSpacingMm);
            ds.AddOrUpdate(DicomTag.PixelSpacing, spec.PixelSpacingMm, spec.PixelSpacingMm);

            // PET Series and PET Image modules (PS3.3 C.8.9.1, C.8.9.4).
            ds.AddOrUpdate(DicomTag.SeriesType, "STATIC", "IMAGE");
            ds.AddOrUpdate(DicomTag.Units, "BQML");
            ds.AddOrUpdate(DicomTag.CountsSource, "EMISSION");
            ds.AddOrUpdate(DicomTag.CorrectedImage, "NORM", "DTIM", "ATTN", "SCAT", "DECY", "RAN");
            ds.AddOrUpdate(DicomTag.DecayCorrection, "START");
            ds.AddOrUpdate(DicomTag.ReconstructionMethod, "OSEM 2i21s PSF+TOF");
            ds.AddOrUpdate(DicomTag.RandomsCorrectionMethod, "DLYD");
            ds.AddOrUpdate(DicomTag.AttenuationCorrectionMethod, "measured");
            ds.AddOrUpdate(DicomTag.NumberOfSlices, (double)spec.Slices);
            ds.AddOrUpdate(DicomTag.ImageIndex, k + 1.0);
            ds.AddOrUpdate(DicomTag.FrameReferenceTime, 0.0);
            ds.AddOrUpdate(DicomTag.ActualFrameDuration, 1_200_000.0);
            ds.AddOrUpdate(DicomTag.DecayFactor, 1.0);
            ds.AddOrUpdateSequence(DicomTag.RadiopharmaceuticalInformationSequence, Radiopharmaceutical(spec));

            WritePixels(ds, petBqPerMl, k, spec);
            var path = Path.Combine(directory, $"PT{k + 1:D4}.dcm");
            DicomFile.Create(ds).Save(path);
            files.Add(path);
        }
        return files;
    }

    private static DicomDataset Radiopharmaceutical(PhantomSpec spec)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTag.Radiopharmaceutical, "Y-90 resin microspheres");
        item.AddOrUpdate(DicomTag.RadiopharmaceuticalStartTime, TimeOnly.FromDateTime(spec.InjectionDateTime));
        item.AddOrUpdate(DicomTag.RadiopharmaceuticalStartDateTime, spec.InjectionDateTime);
        item.AddOrUpdate(DicomTag.RadionuclideTotalDose, spec.InjectedActivityBq);
        item.AddOrUpdate(DicomTag.RadionuclideHalfLife, PhantomPhysics.HalfLifeS);
        item.AddOrUpdate(DicomTag.RadionuclidePositronFraction, 3.186e-5);
        item.AddOrUpdateSequence(DicomTag.RadionuclideCodeSequence, Code("14691008", "SCT", "^90^Yttrium"));
        item.AddOrUpdateSequence(DicomTag.RadiopharmaceuticalCodeSequence, Code("764678003", "SCT", "Yttrium^90^ microspheres"));
        return item;
    }

    private static DicomDataset Code(string value, string scheme, string meaning)
    {
        var code = new DicomDataset();
        code.AddOrUpdate(DicomTag.CodeValue, value);
        code.AddOrUpdate(DicomTag.CodingSchemeDesignator, scheme);
        code.AddOrUpdate(DicomTag.CodeMeaning, meaning);
        return code;
    }

    /// <summary>Signed 16-bit pixels, 0..32767, with this slice's Rescale Slope (Bq/mL per stored unit).</summary>
    private static void WritePixels(DicomDataset ds, Volume pet, int k, PhantomSpec spec)
    {
        var count = spec.Columns * spec.Rows;
        var offset = k * count;
        var max = 0f;
        for (var i = 0; i < count; i++) max = Math.Max(max, pet.Voxels[offset + i]);
        var slope = max > 0 ? max / 32767.0 : 1.0;
        var pixels = new short[count];
        for (var i = 0; i < count; i++) pixels[i] = (short)Math.Round(Math.Max(0, pet.Voxels[offset + i]) / slope);
        ds.AddOrUpdate(DicomTag.Rows, (double)spec.Rows);
        ds.AddOrUpdate(DicomTag.Columns, (double)spec.Columns);
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, 1.0);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.BitsAllocated, 16.0);
        ds.AddOrUpdate(DicomTag.BitsStored, 16.0);
        ds.AddOrUpdate(DicomTag.HighBit, 15.0);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, 1.0);
        ds.AddOrUpdate(DicomTag.RescaleIntercept, 0.0);
        ds.AddOrUpdate(DicomTag.RescaleSlope, slope);
        ds.AddOrUpdate(DicomTag.LargestImagePixelValue, DicomVR.SS, (double)pixels.Max());
        ds.AddOrUpdate(DicomTag.SmallestImagePixelValue, DicomVR.SS, (double)pixels.Min());
        ds.AddOrUpdateValues<short>(DicomTag.PixelData, DicomVR.OW, pixels);
    }
}
