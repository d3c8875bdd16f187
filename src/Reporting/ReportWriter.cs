using VoxDose.Dicom;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Images;
using VoxDose.Reporting.Model;
using VoxDose.Reporting.Pdf;
using VoxDose.Reporting.RtDose;
using VoxDose.Reporting.StructuredReport;

namespace VoxDose.Reporting;

/// <summary>The files <see cref="ReportWriter.WriteAll"/> wrote, with the identity of each DICOM object.</summary>
public sealed record ReportOutputs(
    string RtDosePath, OutputSeries RtDose,
    string SrPath, OutputSeries Sr,
    string PdfPath,
    string EncapsulatedPdfPath, OutputSeries EncapsulatedPdf,
    string SecondaryCapturePath, OutputSeries SecondaryCapture)
{
    public IEnumerable<string> DicomPaths => [RtDosePath, SrPath, EncapsulatedPdfPath, SecondaryCapturePath];
}

/// <summary>
/// Writes every output of one dosimetry: rtdose.dcm, sr.dcm, report.pdf, report-pdf.dcm and fusion-sc.dcm, all
/// from the same <see cref="DosimetryReport"/>, so the numbers agree. DICOM files are Explicit VR Little Endian.
/// </summary>
public static class ReportWriter
{
    public const string RtDoseFile = "rtdose.dcm";
    public const string SrFile = "sr.dcm";
    public const string PdfFile = "report.pdf";
    public const string EncapsulatedPdfFile = "report-pdf.dcm";
    public const string SecondaryCaptureFile = "fusion-sc.dcm";

    /// <param name="rtDoseBitsAllocated">32 (default) or 16 bits for the RT Dose pixels (16 for viewers that cannot decode 32).</param>
    public static ReportOutputs WriteAll(DosimetryReport report, string outDir, int rtDoseBitsAllocated = 32)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Validate();
        Directory.CreateDirectory(outDir);

        var rtDose = RtDoseWriter.NewIdentity(report);
        var rtDosePath = Save(RtDoseWriter.Build(report, rtDose, rtDoseBitsAllocated), outDir, RtDoseFile);

        var sr = SrWriter.NewIdentity(report);
        var srPath = Save(SrWriter.Build(report, sr, rtDose), outDir, SrFile);

        var slices = FusionSeries.Render(report);
        var pdf = PdfReportWriter.Write(report, slices);
        var pdfPath = Path.Combine(outDir, PdfFile);
        File.WriteAllBytes(pdfPath, pdf);

        var encapsulated = EncapsulatedPdfWriter.NewIdentity(report);
        var encapsulatedPath = Save(EncapsulatedPdfWriter.Build(report, encapsulated, pdf, rtDose), outDir, EncapsulatedPdfFile);

        var sc = SecondaryCaptureWriter.NewIdentity(report);
        var scPath = Save(SecondaryCaptureWriter.Build(report, sc, slices, rtDose), outDir, SecondaryCaptureFile);

        return new ReportOutputs(rtDosePath, rtDose, srPath, sr, pdfPath, encapsulatedPath, encapsulated, scPath, sc);
    }

    private static string Save(DicomDataset dataset, string outDir, string fileName)
    {
        var path = Path.Combine(outDir, fileName);
        DicomFile.Create(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }
}
