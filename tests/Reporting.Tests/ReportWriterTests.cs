using VoxDose.Dicom;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;

namespace VoxDose.Reporting.Tests;

public class ReportWriterTests
{
    [Fact]
    public void Writes_the_five_files_that_reference_each_other()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-report");
        var outputs = ReportWriter.WriteAll(SyntheticReport.Create(), dir);
        foreach (var name in new[] { "rtdose.dcm", "sr.dcm", "report.pdf", "report-pdf.dcm", "fusion-sc.dcm" })
            Assert.True(File.Exists(Path.Combine(dir, name)), name);

        var rtDose = DicomFile.Open(outputs.RtDosePath);
        Assert.Equal(DicomUids.ExplicitVRLittleEndian, rtDose.TransferSyntax.Uid);
        Assert.Equal(outputs.RtDose.SopInstanceUid, rtDose.Dataset.GetString(DicomTag.SOPInstanceUID));
        var series = new[] { outputs.RtDose, outputs.Sr, outputs.EncapsulatedPdf, outputs.SecondaryCapture }.Select(s => s.SeriesInstanceUid);
        Assert.Equal(4, series.Distinct().Count());

        var sr = DicomFile.Open(outputs.SrPath).Dataset;
        var evidence = sr.GetSequence(DicomTag.CurrentRequestedProcedureEvidenceSequence)[0].GetSequence(DicomTag.ReferencedSeriesSequence);
        Assert.Contains(evidence, s => s.GetString(DicomTag.SeriesInstanceUID) == outputs.RtDose.SeriesInstanceUid);
        var pdf = DicomFile.Open(outputs.EncapsulatedPdfPath).Dataset;
        Assert.Equal(new FileInfo(outputs.PdfPath).Length, pdf.GetInt(DicomTag.EncapsulatedDocumentLength));
    }

    [Fact]
    public void A_report_without_any_roi_still_gives_every_output()
    {
        var report = SyntheticReport.Create(24, 20, 8) with { Rois = [] };
        var outputs = ReportWriter.WriteAll(report, TestPaths.NewTempDirectory("voxdose-report"));
        var sc = DicomFile.Open(outputs.SecondaryCapturePath).Dataset;
        Assert.Equal(1, sc.GetInt(DicomTag.NumberOfFrames));
        Assert.True(new FileInfo(outputs.PdfPath).Length > 10_000);
    }
}
