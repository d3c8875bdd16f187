using VoxDose.Dicom;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Common;

/// <summary>
/// The modules every created object shares: SOP Common, Patient and General Study (copied from the PET),
/// a new series, General Equipment naming VoxDose and its version.
/// </summary>
internal static class CommonModules
{
    public const string Manufacturer = "VoxDose";
    public const string ModelName = "VoxDose Y-90 dosimetry";

    public static DicomDataset Start(DosimetryReport report, OutputSeries identity, string modality)
    {
        var ds = new DicomDataset();
        // SOP Common (PS3.3 C.12.1). UTF-8 so any patient name from the PET survives.
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, identity.SopClassUid);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, identity.SopInstanceUid);
        ds.AddOrUpdate(DicomTag.InstanceCreationDate, DicomVR.DA, DicomText.Date(report.CreatedAt));
        ds.AddOrUpdate(DicomTag.InstanceCreationTime, DicomVR.TM, DicomText.Time(report.CreatedAt));
        ds.AddOrUpdate(DicomTag.TimezoneOffsetFromUTC, DicomVR.SH, DicomText.Offset(report.CreatedAt));
        ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, "1");

        // Patient (C.7.1.1) and General Study (C.7.2.1), copied from the PET.
        var h = report.Header;
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, h.PatientName);
        ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, h.PatientId);
        ds.AddOrUpdate(DicomTag.PatientBirthDate, DicomVR.DA, h.PatientBirthDate);
        ds.AddOrUpdate(DicomTag.PatientSex, DicomVR.CS, h.PatientSex);
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, h.StudyInstanceUid);
        ds.AddOrUpdate(DicomTag.StudyDate, DicomVR.DA, h.StudyDate);
        ds.AddOrUpdate(DicomTag.StudyTime, DicomVR.TM, h.StudyTime);
        ds.AddOrUpdate(DicomTag.ReferringPhysicianName, DicomVR.PN, h.ReferringPhysicianName);
        ds.AddOrUpdate(DicomTag.StudyID, DicomVR.SH, h.StudyId);
        ds.AddOrUpdate(DicomTag.AccessionNumber, DicomVR.SH, h.AccessionNumber);
        if (h.StudyDescription.Length > 0) ds.AddOrUpdate(DicomTag.StudyDescription, DicomVR.LO, h.StudyDescription);

        // New series (General Series C.7.3.1 / RT Series C.8.8.1 / SR Document Series / Encapsulated Document Series).
        ds.AddOrUpdate(DicomTag.Modality, DicomVR.CS, modality);
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, identity.SeriesInstanceUid);
        ds.AddOrUpdate(DicomTag.SeriesNumber, DicomVR.IS, identity.SeriesNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.SeriesDescription, DicomVR.LO, DicomText.Fit(identity.SeriesDescription, 64));
        ds.AddOrUpdate(DicomTag.SeriesDate, DicomVR.DA, DicomText.Date(report.CreatedAt));
        ds.AddOrUpdate(DicomTag.SeriesTime, DicomVR.TM, DicomText.Time(report.CreatedAt));

        // General Equipment (C.7.5.1).
        ds.AddOrUpdate(DicomTag.Manufacturer, DicomVR.LO, Manufacturer);
        ds.AddOrUpdate(DicomTag.ManufacturerModelName, DicomVR.LO, ModelName);
        ds.AddOrUpdate(DicomTag.SoftwareVersions, DicomVR.LO, DicomText.Fit(report.SoftwareVersion, 64));
        if (h.InstitutionName.Length > 0) ds.AddOrUpdate(DicomTag.InstitutionName, DicomVR.LO, h.InstitutionName);
        return ds;
    }

    /// <summary>Content Date and Time (General Image / SR Document General / Encapsulated Document).</summary>
    public static void ContentDateTime(DicomDataset ds, DateTimeOffset createdAt)
    {
        ds.AddOrUpdate(DicomTag.ContentDate, DicomVR.DA, DicomText.Date(createdAt));
        ds.AddOrUpdate(DicomTag.ContentTime, DicomVR.TM, DicomText.Time(createdAt));
    }

    /// <summary>A SOP Instance Reference item (Referenced SOP Class UID + Referenced SOP Instance UID).</summary>
    public static DicomDataset SopReference(string sopClassUid, string sopInstanceUid)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTag.ReferencedSOPClassUID, DicomVR.UI, sopClassUid);
        item.AddOrUpdate(DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, sopInstanceUid);
        return item;
    }

    /// <summary>Source Image Sequence items for the PET instances, with purpose "Source image for image processing operation".</summary>
    public static IEnumerable<DicomDataset> SourceImages(IEnumerable<SopReference> instances) =>
        instances.Select(i =>
        {
            var item = SopReference(i.SopClassUid, i.SopInstanceUid);
            item.AddOrUpdateSequence(DicomTag.PurposeOfReferenceCodeSequence, Codes.SourceImageForProcessing.ToItem());
            return item;
        });

    /// <summary>Referenced Series Sequence (Common Instance Reference, C.12.2) for series of this study.</summary>
    public static void ReferencedSeries(DicomDataset ds, IEnumerable<(string SeriesUid, IEnumerable<(string SopClass, string SopInstance)> Instances)> series)
    {
        var items = series.Select(s =>
        {
            var item = new DicomDataset();
            item.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, s.SeriesUid);
            item.AddOrUpdateSequence(DicomTag.ReferencedInstanceSequence, s.Instances.Select(i => SopReference(i.SopClass, i.SopInstance)));
            return item;
        }).ToList();
        if (items.Count > 0) ds.AddOrUpdateSequence(DicomTag.ReferencedSeriesSequence, items);
    }

    /// <summary>Patient Orientation (0020,0020) letters of an image direction, e.g. (1,0,0) -> "L" (PS3.3 C.7.6.1.1.1).</summary>
    public static string OrientationLetters(Dosimetry.Volumes.Vec3 d)
    {
        var parts = new List<(double Magnitude, char Letter)>
        {
            (Math.Abs(d.X), d.X > 0 ? 'L' : 'R'),
            (Math.Abs(d.Y), d.Y > 0 ? 'P' : 'A'),
            (Math.Abs(d.Z), d.Z > 0 ? 'H' : 'F'),
        };
        var letters = parts.Where(p => p.Magnitude > 0.25).OrderByDescending(p => p.Magnitude).Select(p => p.Letter).ToArray();
        return letters.Length == 0 ? "" : new string(letters);
    }
}
