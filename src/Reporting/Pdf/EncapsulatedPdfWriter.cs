using VoxDose.Dicom;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Pdf;

/// <summary>Wraps the PDF report in an Encapsulated PDF object (PS3.3 A.45.1): Modality DOC, a new series in the PET's study.</summary>
public static class EncapsulatedPdfWriter
{
    public const int SeriesNumber = 9003;

    public static OutputSeries NewIdentity(DosimetryReport report) =>
        OutputSeries.New(DicomUids.EncapsulatedPDFStorage, SeriesNumber, $"Y-90 dosimetry report {report.Calculation.MethodShortName}{report.Revision.SeriesSuffix}");

    public static DicomDataset Build(DosimetryReport report, OutputSeries identity, byte[] pdf, OutputSeries? rtDose = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(pdf);
        if (pdf.Length < 5 || pdf[0] != (byte)'%' || pdf[1] != (byte)'P' || pdf[2] != (byte)'D' || pdf[3] != (byte)'F')
            throw new ArgumentException("The document to encapsulate is not a PDF (no %PDF header).", nameof(pdf));
        var ds = CommonModules.Start(report, identity, "DOC");
        // SC Equipment (C.8.6.1): a synthetic document made by a workstation.
        ds.AddOrUpdate(DicomTag.ConversionType, DicomVR.CS, "SYN");

        // Encapsulated Document (C.24.2).
        CommonModules.ContentDateTime(ds, report.CreatedAt);
        ds.AddOrUpdate(DicomTag.AcquisitionDateTime, DicomVR.DT, DicomText.DateTime(report.CreatedAt));
        ds.AddOrUpdate(DicomTag.BurnedInAnnotation, DicomVR.CS, "YES");
        ds.AddOrUpdate(DicomTag.DocumentTitle, DicomVR.ST, "Y-90 radioembolization dosimetry report");
        ds.AddOrUpdateSequence(DicomTag.ConceptNameCodeSequence, Codes.ImagingMeasurementReport.ToItem());
        var sources = report.Sources.PetInstances.Select(i => CommonModules.SopReference(i.SopClassUid, i.SopInstanceUid)).ToList();
        if (rtDose is not null) sources.Add(CommonModules.SopReference(rtDose.SopClassUid, rtDose.SopInstanceUid));
        ds.AddOrUpdateSequence(DicomTag.SourceInstanceSequence, sources);
        ds.AddOrUpdate(DicomTag.MIMETypeOfEncapsulatedDocument, DicomVR.LO, "application/pdf");
        ds.AddOrUpdate(DicomTag.EncapsulatedDocumentLength, DicomVR.UL, pdf.Length);
        var padded = pdf.Length % 2 == 0 ? pdf : [.. pdf, 0];
        ds.AddOrUpdate(DicomTag.EncapsulatedDocument, DicomVR.OB, padded);
        return ds;
    }
}
