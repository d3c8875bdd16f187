using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Nm;

/// <summary>
/// An NM series as the planning needs it: a tomographic volume of counts (reconstructed SPECT) or planar views, with
/// the radiopharmaceutical facts and whether it is Tc-99m MAA.
/// </summary>
public sealed class NmImage
{
    public required NmGeometry Geometry { get; init; }

    /// <summary>Counts per voxel (tomographic), slices ordered along the slice normal; null for planar images.</summary>
    public Volume? Counts { get; init; }

    /// <summary>The planar frames (planar images); empty for tomographic ones.</summary>
    public IReadOnlyList<NmPlanarView> Views { get; init; } = [];

    public required NmRadiopharmaceutical Radiopharmaceutical { get; init; }
    public required Tc99mRecognition Recognition { get; init; }
    public string? SeriesInstanceUid { get; init; }
    public IReadOnlyList<string> LoadNotes { get; init; } = [];
}
