using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Nm;

/// <summary>
/// Builds an <see cref="NmImage"/> from the datasets of one NM series: one multi-frame RECON TOMO object, a
/// reconstruction written as separate single-frame slices, or planar STATIC / WHOLE BODY / DYNAMIC images (one view per
/// frame, detector from the Detector Vector). Pixels are counts: stored x Rescale Slope + Intercept when present.
/// Compressed pixel data is refused with the attribute named (decompress with dcmdjpeg or gdcmconv --raw first).
/// </summary>
public static class NmImageLoader
{
    private const double ToleranceMm = 1e-3;

    public static NmImage Load(IReadOnlyList<DicomDataset> datasets)
    {
        if (datasets.Count == 0) throw new DoseInputException("The NM series holds no datasets.");
        var first = datasets[0];
        var modality = first.GetString(DicomTag.Modality)?.Trim();
        if (modality != "NM") throw new DoseInputException($"Modality (0008,0060) is '{modality}'; an NM series is needed.");
        var seriesUid = first.GetString(DicomTag.SeriesInstanceUID);
        var geometries = datasets.Select((ds, i) => NmGeometryReader.Read(ds, i)).ToList();
        for (var i = 1; i < datasets.Count; i++)
        {
            var label = PetSliceGeometry.Describe(datasets[i], i);
            if (datasets[i].GetString(DicomTag.SeriesInstanceUID) != seriesUid)
                throw new DoseInputException($"{label}: Series Instance UID (0020,000E) differs from the first dataset's: one series at a time.");
            if (geometries[i].Kind != geometries[0].Kind)
                throw new DoseInputException($"{label}: Image Type (0008,0008) value 3 is {geometries[i].ImageTypeValue3}, the first dataset's {geometries[0].ImageTypeValue3}: one kind of NM image per series.");
        }
        var radiopharmaceutical = NmHeaderReader.Radiopharmaceutical(first);
        var recognition = Tc99mRecognizer.Recognize(radiopharmaceutical);
        var notes = new List<string>(geometries.SelectMany(g => g.Notes).Distinct());
        notes.Add(recognition.Summary);

        if (geometries[0].Kind == NmImageKind.Planar)
        {
            var views = new List<NmPlanarView>();
            for (var i = 0; i < datasets.Count; i++) views.AddRange(PlanarViews(datasets[i], geometries[i], i));
            return new NmImage { Geometry = geometries[0], Views = views, Radiopharmaceutical = radiopharmaceutical, Recognition = recognition, SeriesInstanceUid = seriesUid, LoadNotes = notes };
        }

        var volume = datasets.Count == 1 ? MultiFrameVolume(datasets[0], geometries[0], notes) : SliceStackVolume(datasets, geometries, notes);
        return new NmImage { Geometry = geometries[0], Counts = volume, Radiopharmaceutical = radiopharmaceutical, Recognition = recognition, SeriesInstanceUid = seriesUid, LoadNotes = notes };
    }

    private static Volume MultiFrameVolume(DicomDataset ds, NmGeometry g, List<string> notes)
    {
        var label = PetSliceGeometry.Describe(ds, 0);
        var normal = g.Row!.Value.Cross(g.Column!.Value).Normalized();
        var sbs = g.SpacingBetweenSlicesMm ?? SingleSliceDepth(ds, label);
        // Slices in increasing position along +normal: slice s (1-based) is at (s - 1) x spacing along the normal.
        var order = Enumerable.Range(0, g.NumberOfFrames).OrderBy(f => g.FramePositionsMm[f].Dot(normal)).ToArray();
        var nx = g.Columns; var ny = g.Rows;
        var volume = new Volume(nx, ny, g.NumberOfFrames, new Vec3(g.ColumnSpacingMm, g.RowSpacingMm, Math.Abs(sbs)), g.FramePositionsMm[order[0]],
            g.Row, g.Column, normal, g.FrameOfReferenceUid);
        var pixels = Pixels(ds, label);
        for (var z = 0; z < order.Length; z++) Decode(pixels, order[z], label, volume.Voxels.AsSpan(z * nx * ny, nx * ny));
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{g.NumberOfFrames} frames placed by Slice Vector (0054,0080), Spacing Between Slices {sbs:0.####} mm{(sbs < 0 ? " (negative: stacked against the row x column normal, reordered)" : "")}"));
        return volume;
    }

    private static double SingleSliceDepth(DicomDataset ds, string label) =>
        ds.TryGetDouble(DicomTag.SliceThickness, out var t) && t > 0 ? t
            : throw new DoseInputException($"{label}: a single reconstructed slice without Spacing Between Slices (0018,0088) or Slice Thickness (0018,0050): the voxel depth is unknown.");

    private static Volume SliceStackVolume(IReadOnlyList<DicomDataset> datasets, IReadOnlyList<NmGeometry> geometries, List<string> notes)
    {
        var reference = geometries[0];
        var normal = reference.Row!.Value.Cross(reference.Column!.Value).Normalized();
        for (var i = 0; i < datasets.Count; i++)
        {
            var g = geometries[i];
            var label = PetSliceGeometry.Describe(datasets[i], i);
            if (g.NumberOfFrames != 1) throw new DoseInputException($"{label}: Number of Frames (0028,0008) is {g.NumberOfFrames}; a series of separate slices needs one frame per dataset.");
            if (g.Rows != reference.Rows || g.Columns != reference.Columns)
                throw new DoseInputException($"{label}: Rows x Columns (0028,0010/0011) {g.Rows} x {g.Columns} differ from the first dataset's {reference.Rows} x {reference.Columns}.");
            if (Math.Abs(g.RowSpacingMm - reference.RowSpacingMm) > ToleranceMm || Math.Abs(g.ColumnSpacingMm - reference.ColumnSpacingMm) > ToleranceMm)
                throw new DoseInputException($"{label}: Pixel Spacing (0028,0030) differs from the first dataset's.");
            if ((g.Row!.Value - reference.Row!.Value).Length > 1e-4 || (g.Column!.Value - reference.Column!.Value).Length > 1e-4)
                throw new DoseInputException($"{label}: Image Orientation (Patient) (0020,0037) differs from the first dataset's: one orientation per series.");
            if (g.FrameOfReferenceUid != reference.FrameOfReferenceUid)
                throw new DoseInputException($"{label}: Frame of Reference UID (0020,0052) differs from the first dataset's.");
        }
        var order = Enumerable.Range(0, datasets.Count).OrderBy(i => geometries[i].FramePositionsMm[0].Dot(normal)).ToArray();
        var gaps = new double[order.Length - 1];
        for (var k = 1; k < order.Length; k++)
        {
            var step = geometries[order[k]].FramePositionsMm[0] - geometries[order[k - 1]].FramePositionsMm[0];
            gaps[k - 1] = step.Dot(normal);
            var label = PetSliceGeometry.Describe(datasets[order[k]], order[k]);
            if (gaps[k - 1] < ToleranceMm) throw new DoseInputException($"{label}: Image Position (Patient) (0020,0032) repeats another slice's position along the normal: duplicate slice.");
            if ((step - normal * gaps[k - 1]).Length > 0.01)
                throw new DoseInputException($"{label}: Image Position (Patient) (0020,0032) is shifted in-plane from the previous slice: the slices are not stacked along the normal.");
        }
        var spacing = gaps.Average();
        for (var k = 0; k < gaps.Length; k++)
            if (Math.Abs(gaps[k] - spacing) > Math.Max(ToleranceMm, 1e-3 * spacing))
                throw new DoseInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{PetSliceGeometry.Describe(datasets[order[k + 1]], order[k + 1])}: Image Position (Patient) (0020,0032) is {gaps[k]:0.####} mm from the previous slice, the mean spacing is {spacing:0.####} mm: unequal slice spacing."));
        var nx = reference.Columns; var ny = reference.Rows;
        var volume = new Volume(nx, ny, order.Length, new Vec3(reference.ColumnSpacingMm, reference.RowSpacingMm, spacing), geometries[order[0]].FramePositionsMm[0],
            reference.Row, reference.Column, normal, reference.FrameOfReferenceUid);
        for (var z = 0; z < order.Length; z++)
        {
            var label = PetSliceGeometry.Describe(datasets[order[z]], order[z]);
            Decode(Pixels(datasets[order[z]], label), 0, label, volume.Voxels.AsSpan(z * nx * ny, nx * ny));
        }
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{order.Length} single-slice datasets sorted along the normal, spacing {spacing:0.####} mm"));
        return volume;
    }

    private static IEnumerable<NmPlanarView> PlanarViews(DicomDataset ds, NmGeometry g, int ordinal)
    {
        var label = PetSliceGeometry.Describe(ds, ordinal);
        var pixels = Pixels(ds, label);
        for (var f = 0; f < g.NumberOfFrames; f++)
        {
            var counts = new float[g.Rows * g.Columns];
            Decode(pixels, f, label, counts);
            var detector = g.DetectorVector[f];
            var view = detector <= g.DetectorViews.Count ? g.DetectorViews[detector - 1] : null;
            yield return new NmPlanarView(f, detector, view, g.Rows, g.Columns, g.RowSpacingMm, g.ColumnSpacingMm, counts);
        }
    }

    private static DicomPixelData Pixels(DicomDataset ds, string label)
    {
        try
        {
            var pixels = DicomPixelData.From(ds);
            if (pixels.SamplesPerPixel != 1) throw new DoseInputException($"{label}: Samples per Pixel (0028,0002) is {pixels.SamplesPerPixel}; NM counts are grayscale.");
            if (!double.IsFinite(pixels.RescaleSlope) || pixels.RescaleSlope == 0) throw new DoseInputException($"{label}: Rescale Slope (0028,1053) is {pixels.RescaleSlope}.");
            return pixels;
        }
        catch (DicomDataException ex)
        {
            throw new DoseInputException($"{label}: {ex.Message}" + (ex.Message.Contains("encapsulated", StringComparison.Ordinal) ? " Decompress it first (dcmdjpeg, or gdcmconv --raw)." : ""), ex);
        }
    }

    private static void Decode(DicomPixelData pixels, int frame, string label, Span<float> target)
    {
        if (pixels.PixelsPerFrame != target.Length) throw new DoseInputException($"{label}: {pixels.PixelsPerFrame} pixels per frame, {target.Length} expected.");
        try
        {
            var stored = pixels.GetStoredValues(frame);
            for (var i = 0; i < target.Length; i++) target[i] = (float)(stored[i] * pixels.RescaleSlope + pixels.RescaleIntercept);
        }
        catch (DicomDataException ex)
        {
            throw new DoseInputException($"{label}: {ex.Message}", ex);
        }
    }
}
