using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Nm;

/// <summary>
/// Reads the geometry of one NM dataset from its header (PS3.3 C.8.4). A reconstructed SPECT is one multi-frame object:
/// the Frame Increment Pointer (0028,0009) names the Slice Vector (0054,0080); Image Position and Orientation (Patient)
/// sit in the one item of the Detector Information Sequence (0054,0022); frame f lies at
/// IPP + (SliceVector[f] - 1) x Spacing Between Slices (0018,0088) x (row x column), where the sign of the spacing gives
/// the stacking direction (C.8.4.15; Siemens writes negative spacings). Vendors that also or only write Image Position /
/// Orientation at the top level are accepted with a note. Every rule broken throws a <see cref="DoseInputException"/>
/// naming the attribute.
/// </summary>
public static class NmGeometryReader
{
    private static readonly DicomTag SliceVectorTag = DicomTag.SliceVector;

    public static NmGeometry Read(DicomDataset ds, int ordinal = 0)
    {
        var label = PetSliceGeometry.Describe(ds, ordinal);
        try { return ReadChecked(ds, label); }
        catch (DicomDataException ex) { throw new DoseInputException($"{label}: {ex.Message}", ex); }
    }

    private static NmGeometry ReadChecked(DicomDataset ds, string label)
    {
        var notes = new List<string>();
        var imageType = ds.GetStrings(DicomTag.ImageType);
        if (imageType.Length < 3 || string.IsNullOrWhiteSpace(imageType[2]))
            throw new DoseInputException($"{label}: Image Type (0008,0008) has no value 3 (RECON TOMO, STATIC, WHOLE BODY...): the kind of NM image is unknown.");
        var value3 = imageType[2].Trim().ToUpperInvariant();
        var kind = value3 switch
        {
            "RECON TOMO" => NmImageKind.Tomographic,
            "STATIC" or "WHOLE BODY" or "DYNAMIC" => NmImageKind.Planar,
            "RECON GATED TOMO" => throw new DoseInputException($"{label}: Image Type (0008,0008) value 3 is RECON GATED TOMO: gated reconstructions are not supported (sum the gates into one RECON TOMO)."),
            "TOMO" or "GATED TOMO" => throw new DoseInputException($"{label}: Image Type (0008,0008) value 3 is {value3}: these are projections, not a reconstruction; VoxDose needs RECON TOMO."),
            _ => throw new DoseInputException($"{label}: Image Type (0008,0008) value 3 '{imageType[2]}' is not an NM image type (PS3.3 C.8.4.8.1.1)."),
        };

        var rows = ds.GetInt(DicomTag.Rows);
        var columns = ds.GetInt(DicomTag.Columns);
        var spacing = ds.GetDoubles(DicomTag.PixelSpacing);
        if (spacing.Length != 2 || !(spacing[0] > 0 && spacing[1] > 0) || !double.IsFinite(spacing[0]) || !double.IsFinite(spacing[1]))
            throw new DoseInputException($"{label}: Pixel Spacing (0028,0030) needs 2 positive values, found [{string.Join(", ", spacing.Select(v => v.ToString(CultureInfo.InvariantCulture)))}].");
        var frames = ds.TryGetInt(DicomTag.NumberOfFrames, out var n) ? n : 1;
        if (frames < 1) throw new DoseInputException($"{label}: Number of Frames (0028,0008) is {frames}.");
        var pointer = ds.GetTags(DicomTag.FrameIncrementPointer);

        var detectorItems = ds.GetSequence(DicomTag.DetectorInformationSequence);
        var views = detectorItems.Select(ViewOf).ToList();

        var geometry = new NmGeometry
        {
            ImageTypeValue3 = value3,
            Kind = kind,
            Rows = rows,
            Columns = columns,
            RowSpacingMm = spacing[0],
            ColumnSpacingMm = spacing[1],
            NumberOfFrames = frames,
            FrameIncrementPointer = [.. pointer.Select(t => t.ToString())],
            DetectorViews = views,
            FrameOfReferenceUid = ds.GetString(DicomTag.FrameOfReferenceUID),
        };

        if (kind == NmImageKind.Planar)
        {
            var detectors = ds.GetInts(DicomTag.DetectorVector);
            if (detectors.Length == 0 && frames == 1) detectors = [1];
            if (detectors.Length != frames)
                throw new DoseInputException($"{label}: Detector Vector (0054,0020) has {detectors.Length} values for {frames} frame(s): the view of each frame is unknown.");
            var count = ds.TryGetInt(DicomTag.NumberOfDetectors, out var nd) ? nd : detectors.DefaultIfEmpty(1).Max();
            if (detectors.Any(d => d < 1 || d > count))
                throw new DoseInputException($"{label}: Detector Vector (0054,0020) holds {string.Join(",", detectors.Distinct())}, outside 1..Number of Detectors (0054,0021) {count}.");
            var (row, column, position) = Placement(ds, detectorItems, label, notes, required: false);
            return geometry with
            {
                DetectorVector = detectors,
                Row = row,
                Column = column,
                FramePositionsMm = position is { } p ? new[] { p } : [],
                Notes = notes,
            };
        }

        // Tomographic.
        var (r, c, ipp) = Placement(ds, detectorItems, label, notes, required: true);
        int[] slices;
        if (frames > 1)
        {
            if (!pointer.Contains(SliceVectorTag))
                throw new DoseInputException($"{label}: Frame Increment Pointer (0028,0009) [{string.Join(", ", pointer.Select(t => t.ToString()))}] does not name Slice Vector (0054,0080): the slice of each frame is unknown.");
            slices = ds.GetInts(SliceVectorTag);
            if (slices.Length != frames)
                throw new DoseInputException($"{label}: Slice Vector (0054,0080) has {slices.Length} values for Number of Frames (0028,0008) {frames}.");
            var expected = ds.TryGetInt(DicomTag.NumberOfSlices, out var ns) ? ns : frames;
            if (expected != frames)
                throw new DoseInputException($"{label}: Number of Slices (0054,0081) is {expected} for {frames} frames: one frame per slice is needed.");
            var seen = new bool[frames + 1];
            foreach (var s in slices)
            {
                if (s < 1 || s > frames) throw new DoseInputException($"{label}: Slice Vector (0054,0080) holds {s}, outside 1..{frames}.");
                if (seen[s]) throw new DoseInputException($"{label}: Slice Vector (0054,0080) names slice {s} twice.");
                seen[s] = true;
            }
        }
        else slices = [1];

        double? sbs = ds.TryGetDouble(DicomTag.SpacingBetweenSlices, out var sp) ? sp : null;
        if (frames > 1 && (sbs is not { } v || v == 0 || !double.IsFinite(v)))
            throw new DoseInputException($"{label}: Spacing Between Slices (0018,0088) is {(sbs is { } z ? z.ToString(CultureInfo.InvariantCulture) : "absent")}: the distance between the {frames} reconstructed slices is unknown.");
        var normal = r.Cross(c).Normalized();
        var origin = ipp ?? throw new DoseInputException($"{label}: Image Position (Patient) (0020,0032) is absent.");
        var positions = slices.Select(s => origin + normal * ((s - 1) * (sbs ?? 0))).ToList();
        return geometry with { Row = r, Column = c, FramePositionsMm = positions, SliceVector = slices, SpacingBetweenSlicesMm = sbs, Notes = notes };
    }

    /// <summary>Image Orientation / Position (Patient) from the Detector Information Sequence item, or the top level (vendor variant).</summary>
    private static (Vec3 Row, Vec3 Column, Vec3? Position) Placement(DicomDataset ds, IReadOnlyList<DicomDataset> detectorItems, string label, List<string> notes, bool required)
    {
        var item = detectorItems.FirstOrDefault(i => i.Contains(DicomTag.ImageOrientationPatient) || i.Contains(DicomTag.ImagePositionPatient));
        DicomDataset source;
        string where;
        if (item is not null)
        {
            source = item;
            where = " in the Detector Information Sequence (0054,0022)";
        }
        else if (ds.Contains(DicomTag.ImageOrientationPatient) || ds.Contains(DicomTag.ImagePositionPatient))
        {
            source = ds;
            where = " at the top level";
            notes.Add("Image Position/Orientation (Patient) read from the top level: the Detector Information Sequence (0054,0022) carries none (vendor variant)");
        }
        else if (required)
        {
            throw new DoseInputException($"{label}: Image Orientation (Patient) (0020,0037) and Image Position (Patient) (0020,0032) are absent from the Detector Information Sequence (0054,0022) and the top level: the slices cannot be placed on the patient.");
        }
        else
        {
            return (new Vec3(1, 0, 0), new Vec3(0, 1, 0), null);
        }

        var orientation = source.GetDoubles(DicomTag.ImageOrientationPatient);
        if (orientation.Length != 6)
            throw new DoseInputException($"{label}: Image Orientation (Patient) (0020,0037){where} needs 6 values, found {orientation.Length}.");
        var row = new Vec3(orientation[0], orientation[1], orientation[2]);
        var column = new Vec3(orientation[3], orientation[4], orientation[5]);
        if (Math.Abs(row.Length - 1) > 1e-3 || Math.Abs(column.Length - 1) > 1e-3 || Math.Abs(row.Dot(column)) > 1e-3)
            throw new DoseInputException($"{label}: Image Orientation (Patient) (0020,0037){where} is not two orthogonal unit vectors.");
        var position = source.GetDoubles(DicomTag.ImagePositionPatient);
        if (position.Length != 3)
        {
            if (required || position.Length != 0)
                throw new DoseInputException($"{label}: Image Position (Patient) (0020,0032){where} needs 3 values, found {position.Length}.");
            return (row.Normalized(), column.Normalized(), null);
        }
        if (position.Any(p => !double.IsFinite(p)))
            throw new DoseInputException($"{label}: Image Position (Patient) (0020,0032){where} is not finite.");
        return (row.Normalized(), column.Normalized(), new Vec3(position[0], position[1], position[2]));
    }

    /// <summary>"anterior"/"posterior" from the View Code Sequence (0054,0220) of a detector item (CID 26: SCT 399321004 /
    /// 399001007, legacy SRT G-5215 / G-5216), else the code meaning, else null.</summary>
    private static string? ViewOf(DicomDataset detector)
    {
        var codes = detector.GetSequence(DicomTag.ViewCodeSequence);
        if (codes.Count == 0) return null;
        var code = codes[0];
        return code.GetString(DicomTag.CodeValue)?.Trim() switch
        {
            "399321004" or "G-5215" => "anterior",
            "399001007" or "G-5216" => "posterior",
            _ => code.GetString(DicomTag.CodeMeaning)?.Trim().ToLowerInvariant(),
        };
    }
}
