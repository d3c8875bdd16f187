using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Phantom;
using VoxDose.StoreScp.Pipeline;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Pipeline;

/// <summary>
/// The real dose pipeline's stage boundary (regressions: it kept every PET dataset and volume in memory until export,
/// a superseded revision leaked, and resuming from Computed computed everything again).
/// </summary>
public class DurableStageTests
{
    private static readonly PhantomSpec Tiny = new() { Columns = 32, Rows = 32, PixelSpacingMm = 12.7, Slices = 6, SliceSpacingMm = 28 };

    private static DosePipelineProcessor NewProcessor() => new(Options.Create(new VoxDoseOptions().ApplyListDefaults()), TimeProvider.System);

    [Fact]
    public async Task Resuming_from_computed_reads_the_stored_outputs_without_computing_the_dose_again()
    {
        var root = TestPaths.NewTempDirectory("voxdose-stage");
        var phantom = PhantomStudyWriter.Write(Tiny, Path.Combine(root, "phantom"));
        var inputs = new StudyInputs(phantom.Identity.StudyInstanceUid, 1, phantom.PetFiles, phantom.RtStructFile, []);
        var outputDir = Path.Combine(root, "results", "r1");
        await NewProcessor().ComputeAsync(inputs, outputDir, CancellationToken.None);
        var manifest = await DosePipelineProcessor.ReadManifestAsync(outputDir, CancellationToken.None);
        Assert.NotNull(manifest);
        Assert.Equal(["RtDose", "Sr", "Pdf", "Sc"], manifest.Select(o => o.Kind)); // the SC is written always, sent only where configured

        // A new process (restart, or another node): the PET is gone, so any recomputation would fail.
        foreach (var file in phantom.PetFiles) File.Delete(file);
        var outputs = await NewProcessor().WriteReportsAsync(inputs, outputDir, CancellationToken.None);
        Assert.Equal(manifest.Select(o => (o.Kind, o.SopInstanceUid, o.Path)), outputs.Select(o => (o.Kind, o.SopInstanceUid, o.Path)));
    }

    [Fact]
    public async Task The_processor_holds_no_study_data_after_a_run_of_studies()
    {
        var root = TestPaths.NewTempDirectory("voxdose-stage");
        var phantom = PhantomStudyWriter.Write(Tiny, Path.Combine(root, "phantom"));
        var processor = NewProcessor();
        for (var revision = 1; revision <= 6; revision++) // 20 studies: bench/node/memory.sh (RSS)
        {
            var inputs = new StudyInputs(phantom.Identity.StudyInstanceUid, revision, phantom.PetFiles, phantom.RtStructFile, []);
            var outputDir = Path.Combine(root, "results", $"r{revision}");
            if (revision % 2 == 1) await processor.ComputeAsync(inputs, outputDir, CancellationToken.None); // odd revisions superseded: never reported
            else await processor.WriteReportsAsync(inputs, outputDir, CancellationToken.None);
        }
        // Whatever the processor keeps is in its fields: none may be a collection (a cache of datasets, volumes or results).
        var fields = typeof(DosePipelineProcessor).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        Assert.All(fields, f => Assert.False(typeof(IEnumerable).IsAssignableFrom(f.FieldType) && f.FieldType != typeof(string),
            $"field {f.Name} ({f.FieldType.Name}) can hold study data between stages"));
        foreach (var field in fields)
        {
            var value = field.GetValue(processor);
            Assert.True(value is null or IOptions<VoxDoseOptions> or TimeProvider, $"field {field.Name} holds a {value?.GetType().Name}");
        }
    }
}
