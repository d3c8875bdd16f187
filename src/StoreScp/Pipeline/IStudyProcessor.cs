namespace VoxDose.StoreScp.Pipeline;

/// <summary>
/// The dose pipeline as the node sees it: compute (dose map and metrics, results.json in the output folder), then
/// write the reports (RT Dose, SR, PDF). Both stages must be safe to run again for the same revision after a crash.
/// Invalid input throws <see cref="InvalidStudyException"/> with a message naming what is wrong.
/// </summary>
public interface IStudyProcessor
{
    Task<ComputeOutcome> ComputeAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct);

    Task<IReadOnlyList<OutputObject>> WriteReportsAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct);
}

/// <summary>The study cannot be processed as received (missing attribute, wrong units, no Y-90...); the study is marked failed.</summary>
public sealed class InvalidStudyException(string message, Exception? inner = null) : Exception(message, inner);
