using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Pet;

/// <summary>
/// Writes a known activity distribution (Bq/mL at injection) as PET Image Storage datasets, the way a scanner
/// would store it under Decay Correction START, ADMIN or NONE, with 16-bit pixels and a Rescale Slope per slice.
/// Also linked into bench/dose (the benchmark's series writer).
/// </summary>
public sealed class SyntheticPetSeries
{
    public const double Y90HalfLifeS = 64.05 * 3600; // independent literal
    public DateTime Injection { get; init; } = new(2025, 3, 4, 9, 30, 0);
    public DateTime AcquisitionStart { get; init; } = new(2025, 3, 5, 5, 30, 0);

    /// <summary>Scanner half-life written to the header (and used for its own ADMIN correction).</summary>
    public double HeaderHalfLifeS { get; init; } = 230580;
    public string DecayCorrection { get; init; } = "START";

    /// <summary>Per slice Rescale Slope = max/32767 x (1 + this x slice-dependent factor); 0 keeps max/32767.</summary>
    public double SlopeJitter { get; init; }

    /// <summary>Slopes 64, 128 or 256 by slice (exact arithmetic for values that are multiples of 256 up to 2^21, under ADMIN).</summary>
    public bool PowerOfTwoSlopes { get; init; }

    /// <summary>Shifts the power-of-two slope pattern between slices.</summary>
    public int SlopeShift { get; init; }

    /// <summary>Seconds between consecutive slices' Acquisition Time (0 = one bed).</summary>
    public double SecondsPerSlice { get; init; }

    /// <summary>Series Time minus the acquisition start, minutes (positive: a scanner that writes a later Series Time).</summary>
    public double SeriesTimeOffsetMinutes { get; init; }
    public string Units { get; init; } = "BQML";

    public List<DicomDataset> Build(Volume c0BqPerMl)
    {
        var seriesUid = DicomUid.Generate();
        var studyUid = DicomUid.Generate();
        var frameUid = c0BqPerMl.FrameOfReferenceUid ?? DicomUid.Generate();
        var plane = c0BqPerMl.StrideZ;
        var list = new List<DicomDataset>(c0BqPerMl.SizeZ);
        for (var z = 0; z < c0BqPerMl.SizeZ; z++)
        {
            var sliceTime = AcquisitionStart.AddSeconds(SecondsPerSlice * z);
            var factor = DecayCorrection switch
            {
                "ADMIN" => Math.Pow(2, -(AcquisitionStart - Injection).TotalSeconds / Y90HalfLifeS) * Math.Pow(2, (AcquisitionStart - Injection).TotalSeconds / HeaderHalfLifeS),
                "NONE" => Math.Pow(2, -(sliceTime - Injection).TotalSeconds / Y90HalfLifeS),
                _ => Math.Pow(2, -(AcquisitionStart - Injection).TotalSeconds / Y90HalfLifeS),
            };
            var values = c0BqPerMl.Voxels.AsSpan(z * plane, plane);
            double max = 0;
            foreach (var v in values) max = Math.Max(max, v * factor);
            var slope = max > 0 ? max / 32767.0 : 1.0;
            if (SlopeJitter != 0) slope *= 1 + SlopeJitter * ((z * 7919) % 13) / 13.0;
            if (PowerOfTwoSlopes) slope = Math.Pow(2, 6 + (z + SlopeShift) % 3);
            var pixels = new short[plane];
            for (var i = 0; i < plane; i++)
            {
                var stored = Math.Round(values[i] * factor / slope);
                pixels[i] = (short)Math.Clamp(stored, short.MinValue, short.MaxValue);
            }
            var position = c0BqPerMl.VoxelToPatient(0, 0, z);
            var ds = new DicomDataset();
            ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.128");
            ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
            ds.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, studyUid);
            ds.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, seriesUid);
            ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, DicomVR.UI, frameUid);
            ds.AddOrUpdate(DicomTag.Modality, DicomVR.CS, "PT");
            ds.AddOrUpdate(DicomTag.SeriesDescription, DicomVR.LO, "Synthetic Y-90 PET");
            ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, (z + 1).ToString(CultureInfo.InvariantCulture));
            var seriesTime = AcquisitionStart.AddMinutes(SeriesTimeOffsetMinutes);
            ds.AddOrUpdate(DicomTag.SeriesDate, DateOnly.FromDateTime(seriesTime));
            ds.AddOrUpdate(DicomTag.SeriesTime, TimeOnly.FromDateTime(seriesTime));
            ds.AddOrUpdate(DicomTag.AcquisitionDate, DateOnly.FromDateTime(sliceTime));
            ds.AddOrUpdate(DicomTag.AcquisitionTime, TimeOnly.FromDateTime(sliceTime));
            ds.AddOrUpdate(DicomTag.Units, DicomVR.CS, Units);
            ds.AddOrUpdate(DicomTag.DecayCorrection, DicomVR.CS, DecayCorrection);
            ds.AddOrUpdate(DicomTag.NumberOfSlices, DicomVR.US, c0BqPerMl.SizeZ);
            ds.AddOrUpdate(DicomTag.ImagePositionPatient, DicomVR.DS, position.X, position.Y, position.Z);
            ds.AddOrUpdate(DicomTag.ImageOrientationPatient, DicomVR.DS,
                c0BqPerMl.RowDirection.X, c0BqPerMl.RowDirection.Y, c0BqPerMl.RowDirection.Z,
                c0BqPerMl.ColumnDirection.X, c0BqPerMl.ColumnDirection.Y, c0BqPerMl.ColumnDirection.Z);
            ds.AddOrUpdate(DicomTag.PixelSpacing, DicomVR.DS, c0BqPerMl.SpacingMm.Y, c0BqPerMl.SpacingMm.X);
            ds.AddOrUpdate(DicomTag.SliceThickness, DicomVR.DS, c0BqPerMl.SpacingMm.Z);
            ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, c0BqPerMl.SizeY);
            ds.AddOrUpdate(DicomTag.Columns, DicomVR.US, c0BqPerMl.SizeX);
            ds.AddOrUpdate(DicomTag.SamplesPerPixel, DicomVR.US, 1);
            ds.AddOrUpdate(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
            ds.AddOrUpdate(DicomTag.BitsAllocated, DicomVR.US, 16);
            ds.AddOrUpdate(DicomTag.BitsStored, DicomVR.US, 16);
            ds.AddOrUpdate(DicomTag.HighBit, DicomVR.US, 15);
            ds.AddOrUpdate(DicomTag.PixelRepresentation, DicomVR.US, 1);
            ds.AddOrUpdate(DicomTag.RescaleSlope, DicomVR.DS, slope);
            ds.AddOrUpdate(DicomTag.RescaleIntercept, DicomVR.DS, 0.0);
            var code = new DicomDataset();
            code.AddOrUpdate(DicomTag.CodeValue, DicomVR.SH, "14691008");
            code.AddOrUpdate(DicomTag.CodingSchemeDesignator, DicomVR.SH, "SCT");
            code.AddOrUpdate(DicomTag.CodeMeaning, DicomVR.LO, "^90^Yttrium");
            var radiopharm = new DicomDataset();
            radiopharm.AddOrUpdate(DicomTag.RadiopharmaceuticalStartDateTime, Injection);
            radiopharm.AddOrUpdate(DicomTag.RadionuclideHalfLife, DicomVR.DS, HeaderHalfLifeS);
            radiopharm.AddOrUpdate(DicomTag.RadionuclideTotalDose, DicomVR.DS, 2.0e9);
            radiopharm.AddOrUpdateSequence(DicomTag.RadionuclideCodeSequence, code);
            ds.AddOrUpdateSequence(DicomTag.RadiopharmaceuticalInformationSequence, radiopharm);
            ds.AddOrUpdateValues<short>(DicomTag.PixelData, DicomVR.OW, pixels);
            list.Add(ds);
        }
        return list;
    }
}
