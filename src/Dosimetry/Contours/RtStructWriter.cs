using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// Writes a <see cref="StructureSet"/> as an RT Structure Set data set (for phantoms, tests and exchange with
/// tools such as plastimatch). Patient and study identity come from the caller; nothing is invented beyond UIDs.
/// </summary>
public static class RtStructWriter
{
    public static DicomDataset ToDataset(StructureSet set, string studyInstanceUid, string? patientId = null, DateTime? createdUtc = null)
    {
        var frame = (set.FrameOfReferenceUids.Count > 0 ? set.FrameOfReferenceUids[0] : null)
            ?? throw new ArgumentException("A structure set needs a Frame of Reference UID to be written.", nameof(set));
        var when = createdUtc ?? DateTime.UtcNow;
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 192");
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomUids.RTStructureSetStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, set.SopInstanceUid ?? DicomUid.Generate());
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, studyInstanceUid);
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomUid.Generate());
        ds.AddOrUpdate(DicomTag.Modality, "RTSTRUCT");
        ds.AddOrUpdate(DicomTag.PatientName, "");
        ds.AddOrUpdate(DicomTag.PatientID, patientId ?? "");
        ds.AddOrUpdate(DicomTag.PatientBirthDate, "");
        ds.AddOrUpdate(DicomTag.PatientSex, "");
        ds.AddOrUpdate(DicomTag.StudyDate, when.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.StudyTime, when.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.ReferringPhysicianName, "");
        ds.AddOrUpdate(DicomTag.StudyID, "");
        ds.AddOrUpdate(DicomTag.AccessionNumber, "");
        ds.AddOrUpdate(DicomTag.SeriesNumber, 1);
        ds.AddOrUpdate(DicomTag.OperatorsName, "");
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, frame);
        ds.AddOrUpdate(DicomTag.PositionReferenceIndicator, "");
        ds.AddOrUpdate(DicomTag.Manufacturer, "VoxDose");
        ds.AddOrUpdate(DicomTag.StructureSetLabel, set.Label ?? "VoxDose");
        ds.AddOrUpdate(DicomTag.StructureSetDate, when.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.StructureSetTime, when.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture));

        var frameItem = new DicomDataset();
        frameItem.AddOrUpdate(DicomTag.FrameOfReferenceUID, frame);
        ds.AddOrUpdateSequence(DicomTag.ReferencedFrameOfReferenceSequence, frameItem);

        var roiItems = new List<DicomDataset>();
        var contourItems = new List<DicomDataset>();
        var observationItems = new List<DicomDataset>();
        foreach (var roi in set.Rois)
        {
            var r = new DicomDataset();
            r.AddOrUpdate(DicomTag.ROINumber, roi.Number);
            r.AddOrUpdate(DicomTag.ReferencedFrameOfReferenceUID, roi.ReferencedFrameOfReferenceUid ?? frame);
            r.AddOrUpdate(DicomTag.ROIName, roi.Name);
            r.AddOrUpdate(DicomTag.ROIGenerationAlgorithm, "MANUAL");
            roiItems.Add(r);

            var contours = new List<DicomDataset>();
            foreach (var contour in roi.Contours)
            {
                var c = new DicomDataset();
                c.AddOrUpdate(DicomTag.ContourGeometricType, TypeCode(contour.Type));
                c.AddOrUpdate(DicomTag.NumberOfContourPoints, contour.PointsMm.Count);
                c.AddOrUpdate(DicomTag.ContourData, [.. contour.PointsMm.SelectMany(p => new[] { p.X, p.Y, p.Z })]);
                contours.Add(c);
            }
            var rc = new DicomDataset();
            rc.AddOrUpdate(DicomTag.ROIDisplayColor, 255, 0, 0);
            rc.AddOrUpdateSequence(DicomTag.ContourSequence, contours);
            rc.AddOrUpdate(DicomTag.ReferencedROINumber, roi.Number);
            contourItems.Add(rc);

            var o = new DicomDataset();
            o.AddOrUpdate(DicomTag.ObservationNumber, roi.Number);
            o.AddOrUpdate(DicomTag.ReferencedROINumber, roi.Number);
            o.AddOrUpdate(DicomTag.RTROIInterpretedType, roi.InterpretedType ?? "");
            o.AddOrUpdate(DicomTag.ROIInterpreter, "");
            observationItems.Add(o);
        }
        ds.AddOrUpdateSequence(DicomTag.StructureSetROISequence, roiItems);
        ds.AddOrUpdateSequence(DicomTag.ROIContourSequence, contourItems);
        ds.AddOrUpdateSequence(DicomTag.RTROIObservationsSequence, observationItems);
        return ds;
    }

    public static void Write(StructureSet set, string path, string studyInstanceUid) =>
        DicomFile.Create(ToDataset(set, studyInstanceUid)).Save(path);

    private static string TypeCode(ContourGeometricType type) => type switch
    {
        ContourGeometricType.Point => "POINT",
        ContourGeometricType.OpenPlanar => "OPEN_PLANAR",
        ContourGeometricType.OpenNonplanar => "OPEN_NONPLANAR",
        ContourGeometricType.ClosedPlanarXor => "CLOSED_PLANAR_XOR",
        _ => "CLOSED_PLANAR",
    };
}
