using VoxDose.Dosimetry.Dose;

namespace VoxDose.Dosimetry.Pipeline;

/// <summary>What to run the offline pipeline on.</summary>
public sealed record DosePipelineRequest
{
    /// <summary>Files and directories (searched recursively) holding the PET series and any RTSTRUCTs.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>RTSTRUCT files given explicitly (in addition to those found among the inputs).</summary>
    public IReadOnlyList<string> StructureSetFiles { get; init; } = [];

    /// <summary>
    /// CT files and directories given explicitly (<c>voxdose dose --ct</c>): the CT must then be usable (same frame of
    /// reference as the PET, readable), else the run fails. CT images found among <see cref="Inputs"/> are used when
    /// they fit, and their reason recorded when they do not.
    /// </summary>
    public IReadOnlyList<string> CtInputs { get; init; } = [];

    /// <summary>The PET series to use when the inputs hold several; null: the one with the most images (noted).</summary>
    public string? SeriesInstanceUid { get; init; }

    public DoseOptions Dose { get; init; } = new();
}
