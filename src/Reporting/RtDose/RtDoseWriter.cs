using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.RtDose;

/// <summary>
/// Builds the RT Dose (PS3.3 A.18) of a dose map: a new series in the PET's study, on the PET's Frame of Reference
/// and voxel grid (voxel centres coincide, so viewers overlay it without resampling), 32-bit unsigned frames with a
/// Dose Grid Scaling, Dose Units GY, Dose Type PHYSICAL, and references to the PET it was computed from.
/// </summary>
public static class RtDoseWriter
{
    public const int SeriesNumber = 9001;

    /// <summary>
    /// Dose Summation Type (3004,000A). Its Defined Terms PLAN, MULTI_PLAN, FRACTION, BEAM, BRACHY, *_SESSION and
    /// CONTROL_POINT require a Referenced RT Plan Sequence, RECORD a Referenced Treatment Record Sequence; a Y-90
    /// radioembolization has neither. Defined Terms may be extended, so VoxDose writes "IMPLANT": the whole dose of a
    /// permanent radionuclide implant, cumulated from administration to complete decay. dciodvfy accepts it with the
    /// warning "Unrecognized defined term"; every standard term without a plan reference is an error.
    /// </summary>
    public const string DoseSummationType = "IMPLANT";

    public static OutputSeries NewIdentity(DosimetryReport report) =>
        OutputSeries.New(DicomUids.RTDoseStorage, SeriesNumber, SeriesDescriptionOf(report));

    public static string SeriesDescriptionOf(DosimetryReport report) =>
        $"Y-90 dose {report.Calculation.MethodShortName}{report.Revision.SeriesSuffix} {report.Calculation.Kernel}";

    /// <param name="bitsAllocated">32 (the default: full precision) or 16 (for old readers; step max/65000).</param>
    public static DicomDataset Build(DosimetryReport report, OutputSeries identity, int bitsAllocated = 32)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Validate();
        var dose = report.DoseGy;
        var ds = CommonModules.Start(report, identity, "RTDOSE");
        ds.AddOrUpdate(DicomTag.OperatorsName, DicomVR.PN, "");

        // Frame of Reference (C.7.4.1): the PET's.
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, DicomVR.UI, report.Sources.FrameOfReferenceUid);
        ds.AddOrUpdate(DicomTag.PositionReferenceIndicator, DicomVR.LO, "");

        // General Image (C.7.6.1): derivation from the PET.
        CommonModules.ContentDateTime(ds, report.CreatedAt);
        ds.AddOrUpdate(DicomTag.ImageType, DicomVR.CS, "DERIVED", "SECONDARY");
        ds.AddOrUpdate(DicomTag.DerivationDescription, DicomVR.ST,
            $"Absorbed dose from the Y-90 PET series {report.Sources.PetSeriesInstanceUid} by {report.Calculation.MethodLongName}; kernel {report.Calculation.Kernel}; VoxDose {report.SoftwareVersion}");
        ds.AddOrUpdateSequence(DicomTag.SourceImageSequence, CommonModules.SourceImages(report.Sources.PetInstances));
        CommonModules.ReferencedSeries(ds,
            [(report.Sources.PetSeriesInstanceUid, report.Sources.PetInstances.Select(i => (i.SopClassUid, i.SopInstanceUid)))]);

        // Image Plane (C.7.6.2): the PET grid.
        var first = dose.VoxelToPatient(0, 0, 0);
        ds.AddOrUpdate(DicomTag.ImagePositionPatient, DicomVR.DS, first.X, first.Y, first.Z);
        ds.AddOrUpdate(DicomTag.ImageOrientationPatient, DicomVR.DS,
            dose.RowDirection.X, dose.RowDirection.Y, dose.RowDirection.Z, dose.ColumnDirection.X, dose.ColumnDirection.Y, dose.ColumnDirection.Z);
        ds.AddOrUpdate(DicomTag.PixelSpacing, DicomVR.DS, dose.SpacingMm.Y, dose.SpacingMm.X);
        ds.AddOrUpdate(DicomTag.SliceThickness, DicomVR.DS, dose.SpacingMm.Z);

        // Multi-frame (C.7.6.6) and RT Dose (C.8.8.3).
        var normal = dose.RowDirection.Cross(dose.ColumnDirection);
        var offsets = Enumerable.Range(0, dose.SizeZ).Select(k => (dose.VoxelToPatient(0, 0, k) - first).Dot(normal)).ToArray();
        ds.AddOrUpdate(DicomTag.NumberOfFrames, DicomVR.IS, dose.SizeZ.ToString(CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.FrameIncrementPointer, DicomTag.GridFrameOffsetVector);
        ds.AddOrUpdate(DicomTag.GridFrameOffsetVector, DicomVR.DS, offsets);
        ds.AddOrUpdate(DicomTag.DoseUnits, DicomVR.CS, "GY");
        ds.AddOrUpdate(DicomTag.DoseType, DicomVR.CS, "PHYSICAL");
        ds.AddOrUpdate(DicomTag.DoseSummationType, DicomVR.CS, DoseSummationType);
        ds.AddOrUpdate(DicomTag.DoseComment, DicomVR.LO, DicomText.Fit($"Y-90 TARE absorbed dose ({report.Calculation.MethodShortName})", 64));

        var (pixelBytes, scaling, negative) = DoseQuantizer.QuantizeToPixelData(dose.Voxels, bitsAllocated, s =>
        {
            ds.AddOrUpdate(DicomTag.DoseGridScaling, DicomVR.DS, s);
            return ds.GetDouble(DicomTag.DoseGridScaling);
        });
        ds.AddOrUpdate(DicomTag.DoseGridScaling, DicomVR.DS, scaling);
        if (Math.Abs(ds.GetDouble(DicomTag.DoseGridScaling) - scaling) > 0)
            throw new InvalidOperationException("Dose Grid Scaling changed when written as DS.");
        if (negative > 0)
            ds.AddOrUpdate(DicomTag.DoseComment, DicomVR.LO, DicomText.Fit($"Y-90 dose; {negative} negative voxels stored as 0", 64));

        // Image Pixel (C.7.6.3).
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, DicomVR.US, 1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, dose.SizeY);
        ds.AddOrUpdate(DicomTag.Columns, DicomVR.US, dose.SizeX);
        ds.AddOrUpdate(DicomTag.BitsAllocated, DicomVR.US, bitsAllocated);
        ds.AddOrUpdate(DicomTag.BitsStored, DicomVR.US, bitsAllocated);
        ds.AddOrUpdate(DicomTag.HighBit, DicomVR.US, bitsAllocated - 1);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, DicomVR.US, 0);
        // Pixel Data is OW in Explicit VR Little Endian whatever Bits Allocated (PS3.5 A.2); bytes are little endian.
        ds.AddOrUpdate(DicomTag.PixelData, DicomVR.OW, pixelBytes);
        return ds;
    }
}
