using System.Diagnostics;
using System.Globalization;
using VoxDose.Reporting;
using VoxDose.Reporting.Images;
using VoxDose.Reporting.Pdf;
using VoxDose.Reporting.RtDose;
using VoxDose.Reporting.StructuredReport;
using VoxDose.Reporting.Tests.Fixtures;

// Time to write every report output for a study on the seed study's PET grid (200 x 200 x 111, 4.07 x 4.07 x 5 mm),
// two lesions and a liver: RT Dose, SR, fused slices, PDF, then all five files to disk. Three repeats (the first is cold).
var report = SyntheticReport.Create(200, 200, 111);
var dir = Path.Combine(Path.GetTempPath(), "voxdose-report-bench");
for (var repeat = 0; repeat < 3; repeat++)
{
    var sw = Stopwatch.StartNew();
    RtDoseWriter.Build(report, RtDoseWriter.NewIdentity(report));
    var rtDoseMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    SrWriter.Build(report, SrWriter.NewIdentity(report), RtDoseWriter.NewIdentity(report));
    var srMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    var slices = FusionSeries.Render(report);
    var fusionMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    PdfReportWriter.Write(report, slices);
    var pdfMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    ReportWriter.WriteAll(report, dir);
    var allMs = sw.Elapsed.TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {repeat + 1}: RT Dose {rtDoseMs:F0} ms, SR {srMs:F0} ms, fused slices {fusionMs:F0} ms, PDF {pdfMs:F0} ms, WriteAll (5 files) {allMs:F0} ms"));
}
Directory.Delete(dir, recursive: true);
