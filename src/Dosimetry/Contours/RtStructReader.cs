using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// Reads an RT Structure Set: Structure Set ROI Sequence (3006,0020), ROI Contour Sequence (3006,0039) and RT ROI
/// Observations Sequence (3006,0080), plus the Referenced Frame of Reference Sequence (3006,0010).
/// </summary>
/// <remarks>
/// Real files are tolerated: empty or missing Type 2 attributes (ROI Name, RT ROI Interpreted Type), a Number of
/// Contour Points that disagrees with the Contour Data, unknown geometric types and unreadable contours are noted
/// and skipped, never fatal. Only a file that is not an RTSTRUCT, or has no ROI Contour data at all, is refused.
/// </remarks>
public static class RtStructReader
{
    public static StructureSet Read(string path)
    {
        DicomFile file;
        try { file = DicomFile.Open(path); }
        catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: not a readable DICOM file ({e.Message}).", e);
        }
        return Read(file.Dataset, path);
    }

    /// <summary>Reads a data set already in memory. <paramref name="source"/> names it in messages.</summary>
    public static StructureSet Read(DicomDataset dataset, string? source = null)
    {
        var where = source ?? "RTSTRUCT";
        var sopClass = dataset.GetString(DicomTag.SOPClassUID);
        var modality = dataset.GetString(DicomTag.Modality);
        if (sopClass != DicomUids.RTStructureSetStorage && !string.Equals(modality, "RTSTRUCT", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{where}: not an RT Structure Set (SOP Class UID (0008,0016) '{sopClass}', Modality (0008,0060) '{modality}').");
        if (!dataset.Contains(DicomTag.StructureSetROISequence) && !dataset.Contains(DicomTag.ROIContourSequence))
            throw new InvalidDataException($"{where}: RTSTRUCT without Structure Set ROI Sequence (3006,0020) and ROI Contour Sequence (3006,0039).");

        var notes = new List<string>();
        var frames = dataset.GetSequence(DicomTag.ReferencedFrameOfReferenceSequence)
            .Select(item => item.GetString(DicomTag.FrameOfReferenceUID)).OfType<string>().Where(u => u.Length > 0).ToList();
        if (frames.Count == 0 && dataset.GetString(DicomTag.FrameOfReferenceUID) is { Length: > 0 } topLevel)
        {
            frames.Add(topLevel);
            notes.Add("no Referenced Frame of Reference Sequence (3006,0010): used the top-level Frame of Reference UID (0020,0052)");
        }

        var rois = new Dictionary<int, StructureSetRoi>();
        var order = new List<int>();
        foreach (var item in dataset.GetSequence(DicomTag.StructureSetROISequence))
        {
            if (!item.TryGetInt(DicomTag.ROINumber, out var number))
            {
                notes.Add("a Structure Set ROI Sequence item has no ROI Number (3006,0022): skipped");
                continue;
            }
            if (rois.ContainsKey(number))
            {
                notes.Add(F($"ROI Number {number} appears twice in the Structure Set ROI Sequence: the second is ignored"));
                continue;
            }
            rois[number] = new StructureSetRoi
            {
                Number = number,
                Name = item.GetString(DicomTag.ROIName) ?? "",
                ReferencedFrameOfReferenceUid = NullIfEmpty(item.GetString(DicomTag.ReferencedFrameOfReferenceUID)),
            };
            order.Add(number);
        }

        foreach (var item in dataset.GetSequence(DicomTag.RTROIObservationsSequence))
        {
            if (item.TryGetInt(DicomTag.ReferencedROINumber, out var number) && rois.TryGetValue(number, out var roi))
                rois[number] = roi with { InterpretedType = NullIfEmpty(item.GetString(DicomTag.RTROIInterpretedType)) };
        }

        foreach (var item in dataset.GetSequence(DicomTag.ROIContourSequence))
        {
            if (!item.TryGetInt(DicomTag.ReferencedROINumber, out var number))
            {
                notes.Add("a ROI Contour Sequence item has no Referenced ROI Number (3006,0084): skipped");
                continue;
            }
            if (!rois.TryGetValue(number, out var roi))
            {
                notes.Add(F($"ROI Contour Sequence refers to ROI Number {number}, which the Structure Set ROI Sequence does not define: skipped"));
                continue;
            }
            var contours = roi.Contours.ToList();
            var index = 0;
            foreach (var contour in item.GetSequence(DicomTag.ContourSequence))
            {
                index++;
                if (ReadContour(contour, out var problem) is { } c) contours.Add(c);
                if (problem is not null) notes.Add(F($"ROI {number} '{roi.Name}', contour {index}: {problem}"));
            }
            rois[number] = roi with { Contours = contours };
        }

        return new StructureSet
        {
            SopInstanceUid = dataset.GetString(DicomTag.SOPInstanceUID),
            Label = dataset.GetString(DicomTag.StructureSetLabel),
            Source = source,
            SourceDataset = dataset,
            FrameOfReferenceUids = frames.Distinct(StringComparer.Ordinal).ToList(),
            Rois = [.. order.Select(n => rois[n])],
            Notes = notes,
        };
    }

    private static Contour? ReadContour(DicomDataset item, out string? problem)
    {
        problem = null;
        var typeText = item.GetString(DicomTag.ContourGeometricType);
        if (ContourGeometricTypes.Parse(typeText) is not { } type)
        {
            problem = $"Contour Geometric Type (3006,0042) '{typeText}' is not a defined term: skipped";
            return null;
        }
        double[] data;
        try { data = item.GetDoubles(DicomTag.ContourData); }
        catch (DicomDataException e)
        {
            problem = $"Contour Data (3006,0050) is not readable ({e.Message}): skipped";
            return null;
        }
        if (data.Length == 0 || data.Length % 3 != 0)
        {
            problem = $"Contour Data (3006,0050) has {data.Length} values, not a positive multiple of 3: skipped";
            return null;
        }
        if (!AllFinite(data))
        {
            problem = "Contour Data (3006,0050) holds a non-finite value: skipped";
            return null;
        }
        var points = new Vec3[data.Length / 3];
        for (var p = 0; p < points.Length; p++) points[p] = new Vec3(data[3 * p], data[3 * p + 1], data[3 * p + 2]);
        if (item.TryGetInt(DicomTag.NumberOfContourPoints, out var declared) && declared != points.Length)
            problem = $"Number of Contour Points (3006,0046) says {declared} but Contour Data holds {points.Length}: the data is used";
        return new Contour(type, points);
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
