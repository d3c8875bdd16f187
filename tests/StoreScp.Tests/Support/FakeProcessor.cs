using VoxDose.StoreScp.Pipeline;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>A stand-in dose pipeline: writes a results.json and three small output files, counts its calls, can block.</summary>
public sealed class FakeProcessor : IStudyProcessor
{
    private int _computeCalls;

    public int ComputeCalls => _computeCalls;

    /// <summary>When set, ComputeAsync waits on it (to stop the node mid-computation).</summary>
    public TaskCompletionSource? Gate { get; init; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<StudyInputs> Inputs { get; } = [];

    /// <summary>When set, the outputs are real DICOM files (copies of the study's first PET instance with new UIDs), so a real SCU can send them.</summary>
    public bool WriteDicom { get; init; }

    public async Task<ComputeOutcome> ComputeAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct)
    {
        Interlocked.Increment(ref _computeCalls);
        lock (Inputs) Inputs.Add(inputs);
        Entered.TrySetResult();
        if (Gate is not null) await Gate.Task.WaitAsync(ct);
        Directory.CreateDirectory(outputDirectory);
        var results = $$"""{"rois":[{"name":"Lesion 1","meanGy":{{100 + inputs.Revision}}},{"name":"Liver","meanGy":35.5}],"pet":{{inputs.PetFiles.Count}}}""";
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "results.json"), results, ct);
        return new ComputeOutcome("vsv", "fake kernel", "{}", results);
    }

    /// <summary>
    /// An injected file-system fault: while set, writing the reports fails as a full disk does (ENOSPC, after the
    /// first file is partly written). Counts the failed writes.
    /// </summary>
    public volatile bool DiskFull;

    private int _reportCalls;

    public int ReportCalls => _reportCalls;

    public async Task<IReadOnlyList<OutputObject>> WriteReportsAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct)
    {
        Interlocked.Increment(ref _reportCalls);
        if (DiskFull)
        {
            await File.WriteAllTextAsync(Path.Combine(outputDirectory, "RtDose.dcm.tmp"), "partial", ct);
            throw new IOException("No space left on device : '" + Path.Combine(outputDirectory, "RtDose.dcm.tmp") + "'", 28);
        }
        var outputs = new List<OutputObject>();
        foreach (var kind in new[] { "RtDose", "Sr", "Pdf" })
        {
            var path = Path.Combine(outputDirectory, kind + ".dcm");
            var uid = WriteDicom ? VoxDose.Dicom.DicomUid.Generate() : $"1.2.9.{inputs.Revision}.{outputs.Count + 1}";
            if (WriteDicom)
            {
                var dataset = VoxDose.Dicom.DicomFile.Open(inputs.PetFiles[0]).Dataset;
                dataset.AddOrUpdate(VoxDose.Dicom.DicomTag.SOPInstanceUID, uid);
                VoxDose.Dicom.DicomFile.Create(dataset).Save(path);
            }
            else
            {
                await File.WriteAllTextAsync(path, kind, ct);
            }
            outputs.Add(new OutputObject(kind, path, uid));
        }
        return outputs;
    }
}
