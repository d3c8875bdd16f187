using VoxDose.Dicom;
using VoxDose.Reporting;
using VoxDose.Reporting.RtDose;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>Every object <see cref="ReportWriter.WriteAll"/> creates passes dicom3tools' IOD verifier without errors.</summary>
public class ReportDciodvfyTests(ITestOutputHelper output)
{
    private static readonly Lazy<(string Dir, ReportOutputs Outputs)> Written = new(() =>
    {
        var dir = TestPaths.NewTempDirectory("voxdose-report");
        return (dir, ReportWriter.WriteAll(SyntheticReport.Create(), dir));
    });

    [Theory]
    [InlineData(ReportWriter.SrFile, "ComprehensiveSR")]
    [InlineData(ReportWriter.EncapsulatedPdfFile, "EncapsulatedPDF")]
    [InlineData(ReportWriter.SecondaryCaptureFile, "MultiframeTrueColorSCImage")]
    public void Dciodvfy_finds_no_error(string file, string iod)
    {
        var report = Dciodvfy.Run(Path.Combine(Written.Value.Dir, file));
        Print(file, report);
        Assert.Contains(iod, report.Raw);
        Assert.False(report.Aborted, report.Raw);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void Dciodvfy_finds_no_error_in_the_rt_dose()
    {
        var path = Written.Value.Outputs.RtDosePath;
        var report = Dciodvfy.Run(path);
        Print("rtdose.dcm (32-bit)", report);
        if (report.Aborted)
        {
            // dciodvfy cannot read 32-bit pixel data (see Dciodvfy.ThirtyTwoBitAbort): verify every attribute on the
            // same writer's 16-bit twin of the same report, whose only differences are Bits Allocated/Stored, High
            // Bit, Dose Grid Scaling and the pixel bytes.
            output.WriteLine("dciodvfy aborted on 32-bit Pixel Data (dicom3tools limitation); verifying the 16-bit twin.");
            var report16 = SyntheticReport.Create();
            var twin = Path.Combine(Written.Value.Dir, "rtdose16.dcm");
            DicomFile.Create(RtDoseWriter.Build(report16, RtDoseWriter.NewIdentity(report16), bitsAllocated: 16)).Save(twin);
            report = Dciodvfy.Run(twin);
            Print("rtdose16.dcm", report);
            Assert.False(report.Aborted, report.Raw);
        }
        Assert.Contains("RTDose", report.Raw);
        Assert.Empty(report.Errors);
        Assert.Contains(report.Warnings, w => w.Contains(RtDoseWriter.DoseSummationType, StringComparison.Ordinal));
    }

    /// <summary>
    /// The 32-bit RT Dose actually written, checked by dciodvfy without its Pixel Data (which dicom3tools cannot read
    /// at 32 bits): the only errors allowed are those that follow from the removed Pixel Data itself, so every
    /// other attribute of the real object is verified, not only the 16-bit twin's.
    /// </summary>
    [Fact]
    public void Dciodvfy_finds_no_error_in_the_32_bit_rt_dose_other_than_its_removed_pixel_data()
    {
        var written = DicomFile.Open(Written.Value.Outputs.RtDosePath);
        Assert.Equal(32, written.Dataset.GetInt(DicomTag.BitsAllocated));
        written.Dataset.Remove(DicomTag.PixelData);
        var stripped = Path.Combine(Written.Value.Dir, "rtdose32-without-pixels.dcm");
        written.Save(stripped);
        var report = Dciodvfy.Run(stripped);
        Print("rtdose.dcm (32-bit) without Pixel Data", report);
        Assert.False(report.Aborted, report.Raw);
        Assert.Contains("RTDose", report.Raw);
        string[] pixelDependent = ["SamplesPerPixel", "PhotometricInterpretation", "BitsAllocated", "BitsStored", "HighBit",
            "PixelRepresentation", "DoseGridScaling"];
        var unexpected = report.Errors.Where(e =>
            !(e.Contains("Missing attribute Type 1C Conditional Element=<PixelData>", StringComparison.Ordinal)
              || (e.Contains("Attribute present when condition unsatisfied", StringComparison.Ordinal)
                  && pixelDependent.Any(k => e.Contains($"Element=<{k}>", StringComparison.Ordinal))))).ToList();
        Assert.Empty(unexpected);
        Assert.Contains(report.Errors, e => e.Contains("Element=<PixelData>", StringComparison.Ordinal));
    }

    [Fact]
    public void Dciodvfy_finds_no_error_when_no_roi_was_evaluated()
    {
        var report = SyntheticReport.Create(24, 20, 8) with { Rois = [] };
        var outputs = ReportWriter.WriteAll(report, TestPaths.NewTempDirectory("voxdose-report"));
        foreach (var path in new[] { outputs.SrPath, outputs.SecondaryCapturePath, outputs.EncapsulatedPdfPath })
        {
            var result = Dciodvfy.Run(path);
            Print(Path.GetFileName(path) + " (no ROI)", result);
            Assert.False(result.Aborted, result.Raw);
            Assert.Empty(result.Errors);
        }
    }

    [Fact]
    public void Dciodvfy_reports_a_standard_summation_type_without_plan_as_an_error()
    {
        // Why "IMPLANT": with PLAN and no Referenced RT Plan Sequence the verifier reports an error.
        var report = SyntheticReport.Create(24, 20, 8);
        var ds = RtDoseWriter.Build(report, RtDoseWriter.NewIdentity(report), bitsAllocated: 16);
        ds.AddOrUpdate(DicomTag.DoseSummationType, DicomVR.CS, "PLAN");
        var path = Path.Combine(TestPaths.NewTempDirectory("voxdose-rtdose"), "plan.dcm");
        DicomFile.Create(ds).Save(path);
        var result = Dciodvfy.Run(path);
        Assert.Contains(result.Errors, e => e.Contains("ReferencedRTPlanSequence", StringComparison.Ordinal));
    }

    private void Print(string file, Dciodvfy.Report report)
    {
        output.WriteLine($"dciodvfy {file}: {report.Errors.Count} errors, {report.Warnings.Count} warnings");
        foreach (var line in report.Errors.Concat(report.Warnings.Distinct())) output.WriteLine("  " + line);
    }
}
