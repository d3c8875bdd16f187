using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;

namespace VoxDose.StoreScp.Phantom;

/// <summary>
/// Writes the phantom's contours as an RTSTRUCT in the PET's study and frame of reference, through the contour layer's
/// <see cref="RtStructWriter"/>; the phantom's patient and study attributes are set on top. ROI names follow the
/// clinical habits the ROI classifier knows (Liver, Lesion n, Lung ...); lesions are GTV, the rest ORGAN.
/// </summary>
public static class PhantomRtStructWriter
{
    public static string Write(PhantomSpec spec, PhantomIdentity identity, string path)
    {
        var contours = PhantomContours.Build(spec);
        var rois = spec.Regions.Where(r => r.Contoured).Select((region, i) => new StructureSetRoi
        {
            Number = i + 1,
            Name = region.Name,
            InterpretedType = region.Kind == "lesion" ? "GTV" : "ORGAN",
            ReferencedFrameOfReferenceUid = identity.FrameOfReferenceUid,
            Contours = [.. contours.Where(c => c.RoiName == region.Name).Select(c => Contour.Closed(c.PointsMm))],
        }).Where(r => r.Contours.Count > 0).ToList();
        var set = new StructureSet
        {
            Label = "PHANTOM",
            FrameOfReferenceUids = [identity.FrameOfReferenceUid],
            Rois = rois,
        };
        var ds = RtStructWriter.ToDataset(set, identity.StudyInstanceUid, identity.PatientId, spec.AcquisitionDateTime.AddHours(1));
        identity.WritePatientAndStudy(ds, spec);
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, identity.RtStructSeriesInstanceUid);
        ds.AddOrUpdate(DicomTag.SeriesNumber, 2.0);
        ds.AddOrUpdate(DicomTag.SeriesDescription, "Phantom contours");
        DicomFile.Create(ds).Save(path);
        return path;
    }
}
