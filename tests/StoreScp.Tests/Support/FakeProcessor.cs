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

    public async Task<IReadOnlyList<OutputObject>> WriteReportsAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct)
    {
        var outputs = new List<OutputObject>();
        foreach (var kind in new[] { "RtDose", "Sr", "Pdf" })
        {
            var path = Path.Combine(outputDirectory, kind + ".dcm");
            await File.WriteAllTextAsync(path, kind, ct);
            outputs.Add(new OutputObject(kind, path, $"1.2.9.{inputs.Revision}.{outputs.Count + 1}"));
        }
        return outputs;
    }
}
