using Microsoft.Extensions.Options;
using VoxDose.Dicom;
using VoxDose.Reporting;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Phantom;
using VoxDose.StoreScp.Pipeline;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>
/// Regression: when the RTSTRUCT arrived after the PET, PACS got a second RT Dose / SR / PDF set with the same series
/// descriptions, and the new SR did not reference the one it supersedes. Checked with the real dose pipeline,
/// dicom3tools' dciodvfy and poppler's pdftotext.
/// </summary>
public class ReportRevisionTests(ITestOutputHelper output)
{
    private static readonly PhantomSpec Tiny = new() { Columns = 32, Rows = 32, PixelSpacingMm = 12.7, Slices = 6, SliceSpacingMm = 28 };

    [Fact]
    public async Task Rtstruct_after_the_pet_gives_a_second_set_with_distinct_series_descriptions_whose_sr_references_the_first()
    {
        var root = TestPaths.NewTempDirectory("voxdose-revision");
        var phantom = PhantomStudyWriter.Write(Tiny, Path.Combine(root, "phantom"));
        var study = phantom.Identity.StudyInstanceUid;
        var processor = new DosePipelineProcessor(Options.Create(new VoxDoseOptions().ApplyListDefaults()), TimeProvider.System);

        var first = new StudyInputs(study, 1, phantom.PetFiles, null, []);
        var dir1 = Path.Combine(root, "r1");
        await processor.ComputeAsync(first, dir1, CancellationToken.None);
        var out1 = await processor.WriteReportsAsync(first, dir1, CancellationToken.None);
        var sr1 = out1.Single(o => o.Kind == "Sr");

        var second = new StudyInputs(study, 2, phantom.PetFiles, phantom.RtStructFile, [], PredecessorSrPath: sr1.Path, PredecessorRevision: 1);
        var dir2 = Path.Combine(root, "r2");
        await processor.ComputeAsync(second, dir2, CancellationToken.None);
        var out2 = await processor.WriteReportsAsync(second, dir2, CancellationToken.None);

        foreach (var kind in new[] { "RtDose", "Sr", "Pdf" })
        {
            var d1 = DicomFile.Open(out1.Single(o => o.Kind == kind).Path).Dataset.GetString(DicomTag.SeriesDescription)!;
            var d2 = DicomFile.Open(out2.Single(o => o.Kind == kind).Path).Dataset.GetString(DicomTag.SeriesDescription)!;
            output.WriteLine($"{kind}: '{d1}' -> '{d2}'");
            Assert.NotEqual(d1, d2);
            Assert.Contains(" rev 2", d2, StringComparison.Ordinal);
            Assert.DoesNotContain(" rev ", d1, StringComparison.Ordinal);
        }

        var first1 = DicomFile.Open(sr1.Path).Dataset;
        var sr2Path = out2.Single(o => o.Kind == "Sr").Path;
        var sr2 = DicomFile.Open(sr2Path).Dataset;
        Assert.Empty(first1.GetSequence(DicomTag.PredecessorDocumentsSequence));
        var predecessor = Assert.Single(sr2.GetSequence(DicomTag.PredecessorDocumentsSequence));
        Assert.Equal(study, predecessor.GetString(DicomTag.StudyInstanceUID));
        var series = Assert.Single(predecessor.GetSequence(DicomTag.ReferencedSeriesSequence));
        Assert.Equal(first1.GetString(DicomTag.SeriesInstanceUID), series.GetString(DicomTag.SeriesInstanceUID));
        var sop = Assert.Single(series.GetSequence(DicomTag.ReferencedSOPSequence));
        Assert.Equal((first1.GetString(DicomTag.SOPClassUID), sr1.SopInstanceUid),
            (sop.GetString(DicomTag.ReferencedSOPClassUID), sop.GetString(DicomTag.ReferencedSOPInstanceUID)));

        var check = Dciodvfy.Run(sr2Path);
        output.WriteLine(check.Raw);
        Assert.Contains("ComprehensiveSR", check.Raw, StringComparison.Ordinal);
        Assert.Empty(check.Errors);

        var text = ExternalTool.Run("pdftotext", "-layout", Path.Combine(dir2, ReportWriter.PdfFile), "-").EnsureSuccess().StdOut;
        var squeezed = string.Concat(text.Where(ch => !char.IsWhiteSpace(ch))); // long values wrap across lines
        Assert.Contains($"supersedesrevision1(SR{sr1.SopInstanceUid})", squeezed, StringComparison.Ordinal);
    }
}
