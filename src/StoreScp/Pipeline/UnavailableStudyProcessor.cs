namespace VoxDose.StoreScp.Pipeline;

/// <summary>Used until the dose pipeline (src/Dosimetry, src/Reporting) is wired in: studies fail with an honest reason.</summary>
public sealed class UnavailableStudyProcessor : IStudyProcessor
{
    public const string Reason = "the dose pipeline is not built into this VoxDose version yet";

    public Task<ComputeOutcome> ComputeAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct) =>
        throw new InvalidStudyException(Reason);

    public Task<IReadOnlyList<OutputObject>> WriteReportsAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct) =>
        throw new InvalidStudyException(Reason);
}
