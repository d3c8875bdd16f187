using VoxDose.Dosimetry.Decay;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Pet;

/// <summary>
/// A PET series as the dosimetry needs it: the activity concentration in Bq/mL exactly as stored (rescaled and
/// converted to BQML, still in the scanner's decay state) and the header facts for decay correction.
/// </summary>
public sealed class PetSeries
{
    /// <summary>Stored activity concentration, Bq/mL, slices ordered along the slice normal.</summary>
    public required Volume ActivityBqPerMl { get; init; }

    public required PetAcquisitionHeader Header { get; init; }

    /// <summary>Acquisition Date/Time of each slice (index z), used under Decay Correction NONE; may be empty.</summary>
    public IReadOnlyList<DateTime?> SliceAcquisitionDateTimes { get; init; } = [];

    public string? SeriesInstanceUid { get; init; }

    /// <summary>What the loader did that a physicist should know (unit conversion, sorting), for the audit.</summary>
    public IReadOnlyList<string> LoadNotes { get; init; } = [];
}
