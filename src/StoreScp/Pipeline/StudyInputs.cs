namespace VoxDose.StoreScp.Pipeline;

/// <summary>
/// The spooled files of one study revision the pipeline computes from (latest version of each instance), the dose
/// method an operator asked for (null: the node's), and the SR of the latest reported earlier revision, which this
/// revision's reports supersede (null for a first report). A study without a Y-90 PET but with a Tc-99m MAA SPECT
/// (<see cref="SpectFiles"/>) is planned instead (docs/planning.md); a Y-90 study carries the plan it links, or why none
/// (<see cref="Plan"/>; null: no planned-vs-delivered section at all).
/// </summary>
public sealed record StudyInputs(string StudyUid, long Revision, IReadOnlyList<string> PetFiles, string? RtStructFile, IReadOnlyList<string> CtFiles,
    Configuration.DoseMethodOption? Method = null, string? PredecessorSrPath = null, long? PredecessorRevision = null,
    IReadOnlyList<string>? SpectFiles = null, Planning.PlanLink? Plan = null)
{
    /// <summary>An MAA study: no Y-90 PET, a Tc-99m SPECT: the node computes the plan.</summary>
    public bool IsPlan => PetFiles.Count == 0 && SpectFiles is { Count: > 0 };
}

/// <summary>What a computation produced: for the audit row, and the results document (JSON) the reports are built from.</summary>
public sealed record ComputeOutcome(string Method, string Kernel, string ParametersJson, string ResultsJson);

/// <summary>One DICOM object written by the reports stage, to be exported (Kind: RtDose, Sr or Pdf).</summary>
public sealed record OutputObject(string Kind, string Path, string SopInstanceUid);
