using VoxDose.Dicom;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.RtDose;
using VoxDose.Reporting.StructuredReport;
using VoxDose.Reporting.Tests.Fixtures;

namespace VoxDose.Reporting.Tests.StructuredReport;

public class SrWriterTests
{
    private static (DicomDataset Sr, VoxDose.Reporting.Model.DosimetryReport Report, OutputSeries RtDose) Build()
    {
        var report = SyntheticReport.Create();
        var rtDose = RtDoseWriter.NewIdentity(report);
        return (SrWriter.Build(report, SrWriter.NewIdentity(report), rtDose), report, rtDose);
    }

    [Fact]
    public void Root_is_a_tid_1500_imaging_measurement_report()
    {
        var (sr, _, _) = Build();
        Assert.Equal(DicomUids.ComprehensiveSRStorage, sr.GetString(DicomTag.SOPClassUID));
        Assert.Equal("126000", sr.GetSequence(DicomTag.ConceptNameCodeSequence)[0].GetString(DicomTag.CodeValue));
        Assert.Equal("1500", sr.GetSequence(DicomTag.ContentTemplateSequence)[0].GetString(DicomTag.TemplateIdentifier));
        Assert.Contains(sr.GetSequence(DicomTag.CodingSchemeIdentificationSequence),
            i => i.GetString(DicomTag.CodingSchemeDesignator) == Codes.PrivateScheme);
    }

    [Fact]
    public void Each_roi_group_holds_its_mean_dose_with_the_mean_derivation_and_its_rtstruct_roi_number()
    {
        var (sr, report, rtDose) = Build();
        var groups = Items(sr).Where(i => Concept(i) == "125007").ToList();
        Assert.Equal(report.Rois.Count, groups.Count);
        foreach (var roi in report.Rois)
        {
            var group = groups.Single(g => Children(g).Any(c => Concept(c) == "112039" && c.GetString(DicomTag.TextValue) == roi.Name));
            var mean = Children(group).Single(c => Concept(c) == "128513" && Children(c).Any(m => Concept(m) == "121401" && CodeValue(m) == "373098007"));
            var measured = mean.GetSequence(DicomTag.MeasuredValueSequence)[0];
            // Rounded to 0.1 Gy in the SR (docs/reporting.md); results.json keeps full precision.
            Assert.Equal(roi.Metrics.MeanGy, measured.GetDouble(DicomTag.NumericValue), 0.05 + 1e-9);
            Assert.Equal(measured.GetDouble(DicomTag.NumericValue), Math.Round(measured.GetDouble(DicomTag.NumericValue), 1), 1e-12);
            Assert.Equal("Gy", measured.GetSequence(DicomTag.MeasurementUnitsCodeSequence)[0].GetString(DicomTag.CodeValue));
            var region = Children(group).Single(c => Concept(c) == "130488");
            Assert.Equal(SyntheticReport.RtStructUid, region.GetSequence(DicomTag.ReferencedSOPSequence)[0].GetString(DicomTag.ReferencedSOPInstanceUID));
            Assert.Equal(roi.Metrics.RoiNumber.ToString(), Children(region).Single().GetString(DicomTag.TextValue));
            Assert.Contains(Children(group), c => Concept(c) == "D70");
            Assert.Contains(Children(group), c => Concept(c) == "V100GY");
            var source = Children(group).Single(c => Concept(c) == "121112");
            Assert.Equal(rtDose.SopInstanceUid, source.GetSequence(DicomTag.ReferencedSOPSequence)[0].GetString(DicomTag.ReferencedSOPInstanceUID));
        }
    }

    [Fact]
    public void A_derived_region_references_the_pet_series()
    {
        var report = SyntheticReport.Create();
        var perfused = report.Rois[2] with { Metrics = report.Rois[2].Metrics with { RoiNumber = null, Name = "Perfused", Role = Dosimetry.Results.RoiRole.PerfusedRegion } };
        report = report with { Rois = [perfused] };
        var sr = SrWriter.Build(report, SrWriter.NewIdentity(report), RtDoseWriter.NewIdentity(report));
        var group = Items(sr).Single(i => Concept(i) == "125007");
        Assert.Equal(SyntheticReport.PetSeriesUid, Children(group).Single(c => Concept(c) == "121232").GetString(DicomTag.UID));
        Assert.DoesNotContain(Children(group), c => Concept(c) == "130488");
    }

    [Fact]
    public void An_roi_from_a_second_structure_set_references_it_and_it_is_in_the_evidence()
    {
        var report = SyntheticReport.Create();
        var other = new VoxDose.Reporting.Model.RtStructReference(new VoxDose.Reporting.Model.SopReference(DicomUids.RTStructureSetStorage, "1.2.826.0.1.3680043.8.498.2001"), "1.2.826.0.1.3680043.8.498.2002");
        report = report with { Rois = [report.Rois[0] with { StructureSet = other }, report.Rois[1]] };
        var sr = SrWriter.Build(report, SrWriter.NewIdentity(report), RtDoseWriter.NewIdentity(report));
        var regions = Items(sr).Where(i => Concept(i) == "130488")
            .Select(i => i.GetSequence(DicomTag.ReferencedSOPSequence)[0].GetString(DicomTag.ReferencedSOPInstanceUID)).ToList();
        Assert.Equal([other.Instance.SopInstanceUid, SyntheticReport.RtStructUid], regions);
        var evidence = sr.GetSequence(DicomTag.CurrentRequestedProcedureEvidenceSequence)[0].GetSequence(DicomTag.ReferencedSeriesSequence)
            .Select(s => s.GetString(DicomTag.SeriesInstanceUID)).ToList();
        Assert.Contains(other.SeriesInstanceUid, evidence);
        Assert.Contains(SyntheticReport.RtStructUid + ".1", evidence);
    }

    [Fact]
    public void A_lesion_group_holds_its_mean_dose_uncertainty_with_each_component_and_the_partial_volume_figures()
    {
        var (sr, report, _) = Build();
        var lesion = report.Rois.First(r => r.Metrics.Role == Dosimetry.Results.RoiRole.Lesion).Metrics;
        var group = Items(sr).Where(i => Concept(i) == "125007")
            .Single(g => Children(g).Any(c => Concept(c) == "112039" && c.GetString(DicomTag.TextValue) == lesion.Name));
        double Value(string code) => Children(group).Single(c => Concept(c) == code).GetSequence(DicomTag.MeasuredValueSequence)[0].GetDouble(DicomTag.NumericValue);
        // Uncertainties to 2 significant figures (GUM): within 5 % of the value, and a 0.1 % component does not read 0.
        Assert.Equal(lesion.Uncertainty!.CombinedGy, Value("UMEAN"), 0.05 * lesion.Uncertainty.CombinedGy);
        // Quadrature of the fixture's relative components 5 %, 0.1 %, 0.1 %, 3 %, 4 %.
        var combined = lesion.MeanGy * Math.Sqrt(0.05 * 0.05 + 2e-6 + 0.03 * 0.03 + 0.04 * 0.04);
        Assert.Equal(combined, Value("UMEAN"), 0.05 * combined);
        foreach (var code in new[] { "UMEAN-CAL", "UMEAN-TIME", "UMEAN-HALFLIFE", "UMEAN-NOISE", "UMEAN-CONTOUR" }) Assert.True(Value(code) > 0, code);
        Assert.Equal(0.03 * lesion.MeanGy, Value("UMEAN-NOISE"), 0.05 * 0.03 * lesion.MeanGy);
        Assert.Equal(20, Value("EQDIAM"), 9);
        Assert.Equal(lesion.RecoveryCorrected!.CorrectedMeanGy, Value("PVCMEAN"), 0.05 + 1e-9);
        Assert.Equal(lesion.MeanGy, Children(group).Single(c => Concept(c) == "128513" && Children(c).Any(m => CodeValue(m) == "373098007"))
            .GetSequence(DicomTag.MeasuredValueSequence)[0].GetDouble(DicomTag.NumericValue), 0.05 + 1e-9); // TDv stays the measured mean (to 0.1 Gy)
    }

    [Fact]
    public void Flags_and_parameters_are_in_the_report()
    {
        var (sr, _, _) = Build();
        var texts = Items(sr).Select(i => i.GetString(DicomTag.TextValue) ?? "").ToList();
        Assert.Contains(texts, t => t.StartsWith("TDV_BELOW_81GY") && t.Contains("Yoo et al."));
        Assert.Contains(texts, t => t.Contains("Lanconelli 2012") && t.Contains("230580 s"));
        Assert.Contains(texts, t => t == "0.1.0-test");
    }

    private static IEnumerable<DicomDataset> Items(DicomDataset node) =>
        Children(node).SelectMany(c => Items(c).Prepend(c));

    private static IReadOnlyList<DicomDataset> Children(DicomDataset node) =>
        node.Contains(DicomTag.ContentSequence) ? node.GetSequence(DicomTag.ContentSequence) : [];

    private static string? Concept(DicomDataset item) => item.GetSequence(DicomTag.ConceptNameCodeSequence)[0].GetString(DicomTag.CodeValue);

    private static string? CodeValue(DicomDataset item) => item.GetSequence(DicomTag.ConceptCodeSequence)[0].GetString(DicomTag.CodeValue);
}
