using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Images;

/// <summary>
/// The fused slices as a Multi-frame True Color Secondary Capture (PS3.3 A.8.5), for viewers that cannot show an
/// RT Dose: 8-bit RGB frames, one per lesion, labelled with the ROI name (Frame Label Vector).
/// </summary>
public static class SecondaryCaptureWriter
{
    public const int SeriesNumber = 9004;

    public static OutputSeries NewIdentity(DosimetryReport report) =>
        OutputSeries.New(DicomUids.MultiFrameTrueColorSecondaryCaptureImageStorage, SeriesNumber, $"Y-90 dose over PET {report.Calculation.MethodShortName}{report.Revision.SeriesSuffix}");

    public static DicomDataset Build(DosimetryReport report, OutputSeries identity, IReadOnlyList<FusedSlice> slices, OutputSeries? rtDose = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (slices.Count == 0) throw new ArgumentException("No fused slice to store.", nameof(slices));
        int width = slices[0].Width, height = slices[0].Height;
        if (slices.Any(s => s.Width != width || s.Height != height || s.Rgb.Length != width * height * 3))
            throw new ArgumentException("All fused slices must have the same size and hold width x height x 3 bytes.", nameof(slices));

        var ds = CommonModules.Start(report, identity, "OT");
        // Liver: an unpaired body part, so General Series Laterality (2C) is absent.
        ds.AddOrUpdate(DicomTag.BodyPartExamined, DicomVR.CS, "LIVER");
        ds.AddOrUpdate(DicomTag.ConversionType, DicomVR.CS, "SYN");

        // General Image (C.7.6.1).
        CommonModules.ContentDateTime(ds, report.CreatedAt);
        ds.AddOrUpdate(DicomTag.ImageType, DicomVR.CS, "DERIVED", "SECONDARY");
        ds.AddOrUpdate(DicomTag.PatientOrientation, DicomVR.CS,
            CommonModules.OrientationLetters(report.DoseGy.RowDirection), CommonModules.OrientationLetters(report.DoseGy.ColumnDirection));
        ds.AddOrUpdate(DicomTag.DerivationDescription, DicomVR.ST,
            $"Absorbed dose ({report.Calculation.MethodShortName}) as a colour wash over the Y-90 PET, axial slices through each lesion centre; colour bar in Gy");
        var petPerSlice = report.Sources.PetInstances.Count == report.DoseGy.SizeZ;
        var shown = petPerSlice
            ? slices.Select(s => report.Sources.PetInstances[s.SliceIndex]).Distinct()
            : report.Sources.PetInstances;
        ds.AddOrUpdateSequence(DicomTag.SourceImageSequence, CommonModules.SourceImages(shown));
        if (rtDose is not null)
            CommonModules.ReferencedSeries(ds, [(rtDose.SeriesInstanceUid, [(rtDose.SopClassUid, rtDose.SopInstanceUid)])]);

        // SC Image (C.8.6.2) and SC Multi-frame Image (C.8.6.3). No patient identification is burned in.
        ds.AddOrUpdate(DicomTag.BurnedInAnnotation, DicomVR.CS, "NO");
        ds.AddOrUpdate(DicomTag.NumberOfFrames, DicomVR.IS, slices.Count.ToString(CultureInfo.InvariantCulture));
        // Frame Increment Pointer is 1C: present only when there is more than one frame.
        if (slices.Count > 1) ds.AddOrUpdate(DicomTag.FrameIncrementPointer, DicomTag.FrameLabelVector);
        ds.AddOrUpdate(DicomTag.FrameLabelVector, DicomVR.SH, slices.Select(s => DicomText.Fit(s.Caption.Split(':')[0], 16)).ToArray());

        // Image Pixel (C.7.6.3): RGB, colour-by-pixel.
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, DicomVR.US, 3);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, DicomVR.CS, "RGB");
        ds.AddOrUpdate(DicomTag.PlanarConfiguration, DicomVR.US, 0);
        ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, height);
        ds.AddOrUpdate(DicomTag.Columns, DicomVR.US, width);
        ds.AddOrUpdate(DicomTag.BitsAllocated, DicomVR.US, 8);
        ds.AddOrUpdate(DicomTag.BitsStored, DicomVR.US, 8);
        ds.AddOrUpdate(DicomTag.HighBit, DicomVR.US, 7);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, DicomVR.US, 0);
        var pixels = new byte[slices.Count * width * height * 3 + (slices.Count * width * height * 3) % 2];
        for (var f = 0; f < slices.Count; f++) slices[f].Rgb.CopyTo(pixels, f * width * height * 3);
        ds.AddOrUpdate(DicomTag.PixelData, DicomVR.OB, pixels);
        return ds;
    }
}
