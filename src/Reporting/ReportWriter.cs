using VoxDose.Dicom;
using VoxDose.Dosimetry.Diagnostics;
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

        // Identities first (every object references the RT Dose), then the independent outputs in parallel: RT Dose,
        // SR, and the images with the PDF and Secondary Capture drawn from them. Each writes its own file.
        var rtDose = RtDoseWriter.NewIdentity(report);
        var sr = SrWriter.NewIdentity(report);
        var encapsulated = EncapsulatedPdfWriter.NewIdentity(report);
        var sc = SecondaryCaptureWriter.NewIdentity(report);
        var pdfPath = Path.Combine(outDir, PdfFile);
        string rtDosePath = "", srPath = "", encapsulatedPath = "", scPath = "";

        Parallel.Invoke(
            () =>
            {
                DicomDataset dataset;
                using (StageProfile.Measure("rtdose", parallel: true)) dataset = RtDoseWriter.Build(report, rtDose, rtDoseBitsAllocated);
                rtDosePath = Save(dataset, outDir, RtDoseFile);
            },
            () =>
            {
                DicomDataset dataset;
                using (StageProfile.Measure("sr", parallel: true)) dataset = SrWriter.Build(report, sr, rtDose);
                srPath = Save(dataset, outDir, SrFile);
            },
            () =>
            {
                IReadOnlyList<FusedSlice> slices;
                using (StageProfile.Measure("images", parallel: true)) slices = FusionSeries.Render(report);
                Parallel.Invoke(
                    () =>
                    {
                        byte[] pdf;
                        using (StageProfile.Measure("pdf", parallel: true)) pdf = PdfReportWriter.Write(report, slices);
                        using (StageProfile.Measure("writes", parallel: true)) File.WriteAllBytes(pdfPath, pdf);
                        encapsulatedPath = Save(EncapsulatedPdfWriter.Build(report, encapsulated, pdf, rtDose), outDir, EncapsulatedPdfFile);
                    },
                    () =>
                    {
                        DicomDataset dataset;
                        using (StageProfile.Measure("images", parallel: true)) dataset = SecondaryCaptureWriter.Build(report, sc, slices, rtDose);
                        scPath = Save(dataset, outDir, SecondaryCaptureFile);
                    });
            });

        return new ReportOutputs(rtDosePath, rtDose, srPath, sr, pdfPath, encapsulatedPath, encapsulated, scPath, sc);
    }

    private static string Save(DicomDataset dataset, string outDir, string fileName)
    {
        var path = Path.Combine(outDir, fileName);
        using var stage = StageProfile.Measure("writes", parallel: true);
        DicomFile.Create(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }
}
