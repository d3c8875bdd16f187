using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Planning;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Pdf;
using VoxDose.Reporting.StructuredReport;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;

namespace VoxDose.Reporting.Tests.Pdf;

/// <summary>The planned-vs-delivered part of the PDF (read by pdftotext) and the SR: the linked plan's TDp beside TDv, or why there is none.</summary>
public class PlannedVersusDeliveredReportTests
{
    private static string PdfText(VoxDose.Reporting.Model.DosimetryReport report)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory("voxdose-pvd"), "report.pdf");
        File.WriteAllBytes(path, PdfReportWriter.Write(report));
        return ExternalTool.Run("pdftotext", path, "-").EnsureSuccess().StdOut;
    }

    [Fact]
    public void Without_a_plan_the_pdf_and_sr_say_so()
    {
        ExternalTool.Require("pdftotext");
        var report = SyntheticReport.Create() with
        {
            PlannedVersusDelivered = new PlanLinkReport("No plan linked: no plan of this patient from an MAA study 0 to 60 days before this PET.", null, null, null,
                "not performed: no plan linked"),
        };
        var text = PdfText(report);
        Assert.Contains("Planned vs delivered", text, StringComparison.Ordinal);
        Assert.Contains("No plan linked", text, StringComparison.Ordinal);
        var sr = SrWriter.Build(report, SrWriter.NewIdentity(report), OutputSeries.New(DicomUids.RTDoseStorage, 1, "d"));
        var pvd = sr.GetSequence(DicomTag.ContentSequence).Single(i => i.GetSequence(DicomTag.ConceptNameCodeSequence)[0].GetString(DicomTag.CodeValue) == "PVD");
        Assert.Contains(pvd.GetSequence(DicomTag.ContentSequence), i => i.GetString(DicomTag.TextValue)?.StartsWith("No plan linked", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_linked_plan_puts_tdp_beside_tdv_per_matched_lesion_and_lists_the_unmatched()
    {
        ExternalTool.Require("pdftotext");
        var report = SyntheticReport.Create();
        // "lesion 1 seg viii" normalises like "Lesion 1 (seg VIII)"; "Lesion 9" is in the plan only; "Lesion_2" in the PET only.
        var comparison = PlannedVersusDelivered.Compare([new PlannedLesion("lesion 1 seg viii", 123.4), new PlannedLesion("Lesion 9", 50)],
            report.Rois.Select(r => r.Metrics));
        report = report with { PlannedVersusDelivered = new PlanLinkReport("Plan of MAA study 1.2.3 linked.", "1.2.3", "20260101", comparison, "not performed: test") };
        var tdv = report.Rois[0].Metrics.MeanGy;

        var text = PdfText(report);
        Assert.Contains("123.4", text, StringComparison.Ordinal);
        Assert.Contains(ReportFormat(tdv - 123.4), text, StringComparison.Ordinal);
        Assert.Contains("Lesion 9", text, StringComparison.Ordinal);
        Assert.Contains("Lesion_2", text, StringComparison.Ordinal);

        var sr = SrWriter.Build(report, SrWriter.NewIdentity(report), OutputSeries.New(DicomUids.RTDoseStorage, 1, "d"));
        var pvd = sr.GetSequence(DicomTag.ContentSequence).Single(i => i.GetSequence(DicomTag.ConceptNameCodeSequence)[0].GetString(DicomTag.CodeValue) == "PVD");
        var lesion = Assert.Single(pvd.GetSequence(DicomTag.ContentSequence), i => i.GetSequence(DicomTag.ConceptNameCodeSequence)[0].GetString(DicomTag.CodeValue) == "PVDLESION");
        double Num(string code) => double.Parse(lesion.GetSequence(DicomTag.ContentSequence)
            .Single(i => i.GetSequence(DicomTag.ConceptNameCodeSequence)[0].GetString(DicomTag.CodeValue) == code)
            .GetSequence(DicomTag.MeasuredValueSequence)[0].GetString(DicomTag.NumericValue)!, CultureInfo.InvariantCulture);
        Assert.Equal(123.4, Num("TDP"), 6);
        // The SR carries numbers rounded to what they support (docs/reporting.md): 0.1 Gy, ratios to 3 significant figures.
        Assert.Equal(VoxDose.Reporting.Model.ReportFormat.Round(tdv, "Gy"), Num("TDV"));
        Assert.Equal(VoxDose.Reporting.Model.ReportFormat.Round(tdv / 123.4, "{ratio}"), Num("TDVOVERTDP"));
        Assert.Equal(2, pvd.GetSequence(DicomTag.ContentSequence).Count(i => i.GetSequence(DicomTag.ConceptNameCodeSequence)[0].GetString(DicomTag.CodeValue) == "UNMATCHED"));
    }

    private static string ReportFormat(double gy) => VoxDose.Reporting.Model.ReportFormat.Gy(gy);
}
