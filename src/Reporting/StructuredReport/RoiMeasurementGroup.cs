using VoxDose.Dicom;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Model;
using static VoxDose.Reporting.StructuredReport.SrContent;

namespace VoxDose.Reporting.StructuredReport;

/// <summary>
/// One TID 1411 (Volumetric ROI Measurements) group for an ROI: tracking identifiers, the RTSTRUCT ROI it measures
/// (or the PET series for a derived region), the RT Dose it was measured on, and the dose statistics.
/// </summary>
internal static class RoiMeasurementGroup
{
    public static DicomDataset Build(ReportRoi roi, DosimetryReport report, OutputSeries rtDose)
    {
        var m = roi.Metrics;
        var items = new List<DicomDataset>
        {
            Text(HasObsContext, Codes.TrackingIdentifier, m.Name),
            UidRef(HasObsContext, Codes.TrackingUid, DicomUid.Generate()),
        };
        if (m.RoiNumber is { } number && (roi.StructureSet?.Instance ?? report.Sources.RtStruct) is { } rtStruct)
        {
            items.Add(Composite(Contains, Codes.RegionInSpace, rtStruct.SopClassUid, rtStruct.SopInstanceUid,
                Text(HasConceptMod, Codes.ReferencedRoiIdentifier, number.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        else
        {
            items.Add(UidRef(Contains, Codes.SourceSeriesForSegmentation, report.Sources.PetSeriesInstanceUid));
        }
        items.Add(Composite(Contains, Codes.SourceOfMeasurement, rtDose.SopClassUid, rtDose.SopInstanceUid));
        items.Add(Code(HasConceptMod, Codes.MeasurementMethod, report.Calculation.Method == DoseMethod.Ldm ? Codes.LdmMethod : Codes.VsvMethod));

        items.Add(Dose(m.MeanGy, Codes.Mean));
        items.Add(Dose(m.SdGy, Codes.StandardDeviation));
        items.Add(Dose(m.MinGy, Codes.Minimum));
        items.Add(Dose(m.MaxGy, Codes.Maximum));
        items.Add(Dose(m.MedianGy, Codes.Median));
        items.Add(Num(Contains, Codes.Volume, m.VolumeMl, Codes.Ml));
        if (double.IsFinite(m.Cov)) items.Add(Num(Contains, Codes.CoefficientOfVariation, m.Cov, Codes.Ratio));
        foreach (var (x, gy) in m.DxGy.OrderBy(p => p.Key)) items.Add(Num(Contains, Codes.Dx(x), gy, Codes.Gy));
        foreach (var (y, percent) in m.VxPercent.OrderBy(p => p.Key)) items.Add(Num(Contains, Codes.Vx(y), percent, Codes.Percent));
        if (m.BedGy is { } bed && double.IsFinite(bed)) items.Add(Num(Contains, Codes.Bed, bed, Codes.Gy));
        if (m.EudGy is { } eud && double.IsFinite(eud)) items.Add(Num(Contains, Codes.Eud, eud, Codes.Gy));
        if (m.Uncertainty is { } u && double.IsFinite(u.CombinedGy))
        {
            items.Add(UncertaintyNum(Contains, Codes.MeanDoseUncertainty, u.CombinedGy, Codes.Gy));
            foreach (var c in u.Components.Where(c => double.IsFinite(c.Gy)))
                items.Add(UncertaintyNum(Contains, Codes.MeanDoseUncertaintyComponent(c.Code, c.Name), c.Gy, Codes.Gy));
        }
        if (m.PartialVolume is { } pv)
        {
            items.Add(Num(Contains, Codes.EquivalentDiameter, pv.EquivalentDiameterMm, Codes.Mm));
            items.Add(Num(Contains, Codes.ResolutionFwhm, pv.FwhmMm, Codes.Mm));
        }
        if (m.RecoveryCorrected is { } rc && double.IsFinite(rc.CorrectedMeanGy))
        {
            items.Add(Num(Contains, Codes.RecoveryCorrectedMean, rc.CorrectedMeanGy, Codes.Gy));
            items.Add(Num(Contains, Codes.RecoveryCoefficient, rc.Rc, Codes.Ratio));
        }
        foreach (var flag in m.Flags) items.Add(Text(Contains, Codes.DosimetryFlag, FlagText(flag)));
        return Container(Contains, Codes.MeasurementGroup, items);
    }

    public static string FlagText(RoiFlag flag) => $"{flag.Code}: {flag.Message} [source: {flag.Source}]";

    private static DicomDataset Dose(double valueGy, CodedConcept statistic) =>
        Num(Contains, Codes.AbsorbedDose, valueGy, Codes.Gy, Code(HasConceptMod, Codes.Derivation, statistic));
}
