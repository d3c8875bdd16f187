using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Pipeline;

/// <summary>The files of one PET series found among the inputs.</summary>
public sealed record PetSeriesFiles(string SeriesInstanceUid, string? StudyInstanceUid, string? FrameOfReferenceUid, IReadOnlyList<string> Files);

/// <summary>What <see cref="DicomInputScanner"/> found: PET series, RTSTRUCT files and what it skipped.</summary>
public sealed record DicomInputSet(IReadOnlyList<PetSeriesFiles> PetSeries, IReadOnlyList<string> StructureSetFiles, IReadOnlyList<string> Notes)
{
    /// <summary>The RTSTRUCTs the scan already parsed whole (they hold no pixel data), by path: not read a second time.</summary>
    public IReadOnlyDictionary<string, DicomDataset> StructureSetDatasets { get; init; } = new Dictionary<string, DicomDataset>();

    /// <summary>CT Image Storage files (any series; the pipeline keeps the one in the PET's frame of reference).</summary>
    public IReadOnlyList<string> CtFiles { get; init; } = [];
}
