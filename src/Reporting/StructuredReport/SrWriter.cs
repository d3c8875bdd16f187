using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Model;
using static VoxDose.Reporting.StructuredReport.SrContent;

namespace VoxDose.Reporting.StructuredReport;

/// <summary>
/// Builds the Comprehensive SR (PS3.3 A.35.3) holding a TID 1500 Imaging Measurement Report: observation context
/// (device, algorithm name, version and parameters), one TID 1411 group per ROI, and the report-level flags and QA
/// as qualitative evaluations. Dx and Vx use the private scheme 99VOXDOSE, declared in the object.
/// </summary>
public static class SrWriter
{
    public const int SeriesNumber = 9002;

    public static OutputSeries NewIdentity(DosimetryReport report) =>
        OutputSeries.New(DicomUids.ComprehensiveSRStorage, SeriesNumber, $"Y-90 dosimetry SR {report.Calculation.MethodShortName}{report.Revision.SeriesSuffix}");

    /// <param name="rtDose">The RT Dose the measurements were made on (referenced from every group).</param>
    public static DicomDataset Build(DosimetryReport report, OutputSeries identity, OutputSeries rtDose)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rtDose);
        var ds = CommonModules.Start(report, identity, "SR");
        ds.AddOrUpdateSequence(DicomTag.ReferencedPerformedProcedureStepSequence);
        ds.AddOrUpdateSequence(DicomTag.CodingSchemeIdentificationSequence, Codes.PrivateSchemeDeclaration());

        // SR Document General (C.17.2).
        ds.AddOrUpdate(DicomTag.CompletionFlag, DicomVR.CS, "COMPLETE");
        ds.AddOrUpdate(DicomTag.VerificationFlag, DicomVR.CS, "UNVERIFIED");
        CommonModules.ContentDateTime(ds, report.CreatedAt);
        ds.AddOrUpdateSequence(DicomTag.PerformedProcedureCodeSequence);
        ds.AddOrUpdateSequence(DicomTag.CurrentRequestedProcedureEvidenceSequence, Evidence(report, rtDose));
        if (report.Revision.PredecessorSr is { } predecessor)
        {
            // The SR of the revision this one supersedes (Type 1C: present when this document replaces another).
            var study = new DicomDataset();
            study.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, predecessor.StudyInstanceUid);
            study.AddOrUpdateSequence(DicomTag.ReferencedSeriesSequence, SeriesItem(predecessor.SeriesInstanceUid, [(predecessor.SopClassUid, predecessor.SopInstanceUid)]));
            ds.AddOrUpdateSequence(DicomTag.PredecessorDocumentsSequence, study);
        }

        // SR Document Content (C.17.3): the TID 1500 root.
        ds.AddOrUpdate(DicomTag.ValueType, DicomVR.CS, "CONTAINER");
        ds.AddOrUpdateSequence(DicomTag.ConceptNameCodeSequence, Codes.ImagingMeasurementReport.ToItem());
        ds.AddOrUpdate(DicomTag.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        var template = new DicomDataset();
        template.AddOrUpdate(DicomTag.MappingResource, DicomVR.CS, "DCMR");
        template.AddOrUpdate(DicomTag.TemplateIdentifier, DicomVR.CS, "1500");
        ds.AddOrUpdateSequence(DicomTag.ContentTemplateSequence, template);
        ds.AddOrUpdateSequence(DicomTag.ContentSequence, RootContent(report, rtDose));
        return ds;
    }

    private static IEnumerable<DicomDataset> RootContent(DosimetryReport report, OutputSeries rtDose)
    {
        yield return Code(HasConceptMod, Codes.LanguageOfContent, Codes.EnglishUs);
        yield return Code(HasObsContext, Codes.ObserverType, Codes.Device);
        yield return UidRef(HasObsContext, Codes.DeviceObserverUid, DicomUids.ImplementationClassUid);
        yield return Text(HasObsContext, Codes.DeviceObserverName, CommonModules.Manufacturer);
        yield return Text(HasObsContext, Codes.DeviceObserverManufacturer, "VoxDose contributors");
        yield return Text(HasObsContext, Codes.DeviceObserverModelName, CommonModules.ModelName);
        yield return Text(HasObsContext, Codes.AlgorithmName, $"VoxDose {report.Calculation.MethodLongName} ({report.Calculation.MethodShortName})");
        yield return Text(HasObsContext, Codes.AlgorithmVersion, report.SoftwareVersion);
        yield return Text(HasObsContext, Codes.AlgorithmParameters, ParametersText(report));
        yield return Code(HasConceptMod, Codes.ProcedureReported, Codes.PetProcedure);
        yield return Container(Contains, Codes.ImagingMeasurements,
            report.Rois.Select(r => RoiMeasurementGroup.Build(r, report, rtDose)));
        yield return Container(Contains, Codes.QualitativeEvaluations, Qualitative(report));
        if (report.PlannedVersusDelivered is { } plan) yield return PlannedVersusDeliveredContent.Build(plan);
    }

    /// <summary>Kernel and every calculation parameter, "name = value unit" separated by semicolons.</summary>
    public static string ParametersText(DosimetryReport report) =>
        string.Join("; ", new[] { $"kernel = {report.Calculation.Kernel}" }
            .Concat(report.Calculation.Parameters.Select(p => $"{p.Name} = {p.Value}{(p.Unit.Length > 0 ? " " + p.Unit : "")}")));

    private static IEnumerable<DicomDataset> Qualitative(DosimetryReport report)
    {
        foreach (var flag in report.GlobalFlags) yield return Text(Contains, Codes.DosimetryFlag, RoiMeasurementGroup.FlagText(flag));
        var qa = report.Qa;
        var activity = string.Create(CultureInfo.InvariantCulture,
            $"Activity found {ReportFormat.GBq(qa.ActivityFoundBq)} GBq; administered {(qa.AdministeredActivityBq is { } a ? ReportFormat.GBq(a) + " GBq" : "unknown")}");
        if (qa.RecoveryRatio is { } r) activity += $" ({ReportFormat.Percent(100 * r)} % found)";
        yield return Text(Contains, Codes.QualityCheck, activity);
        yield return Text(Contains, Codes.QualityCheck, $"Y-90 recognised by: {qa.Y90Recognition}");
        foreach (var note in qa.Notes) yield return Text(Contains, Codes.QualityCheck, note);
    }

    /// <summary>Current Requested Procedure Evidence: the PET series, the RTSTRUCT and the RT Dose (Hierarchical SOP Instance Reference).</summary>
    private static DicomDataset Evidence(DosimetryReport report, OutputSeries rtDose)
    {
        var series = new List<DicomDataset>
        {
            SeriesItem(report.Sources.PetSeriesInstanceUid, report.Sources.PetInstances.Select(i => (i.SopClassUid, i.SopInstanceUid))),
            SeriesItem(rtDose.SeriesInstanceUid, [(rtDose.SopClassUid, rtDose.SopInstanceUid)]),
        };
        var structureSets = report.Rois.Select(r => r.StructureSet).Append(report.Sources.RtStructReference).OfType<RtStructReference>();
        foreach (var group in structureSets.DistinctBy(s => s.Instance.SopInstanceUid).GroupBy(s => s.SeriesInstanceUid))
            series.Add(SeriesItem(group.Key, group.Select(s => (s.Instance.SopClassUid, s.Instance.SopInstanceUid))));
        var study = new DicomDataset();
        study.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, report.Header.StudyInstanceUid);
        study.AddOrUpdateSequence(DicomTag.ReferencedSeriesSequence, series);
        return study;
    }

    private static DicomDataset SeriesItem(string seriesUid, IEnumerable<(string SopClass, string SopInstance)> instances)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, seriesUid);
        item.AddOrUpdateSequence(DicomTag.ReferencedSOPSequence, instances.Select(i => CommonModules.SopReference(i.SopClass, i.SopInstance)));
        return item;
    }
}
