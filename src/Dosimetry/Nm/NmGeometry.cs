using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Nm;

/// <summary>What an NM image is: reconstructed slices (RECON TOMO) or planar views (STATIC, WHOLE BODY, DYNAMIC).</summary>
public enum NmImageKind
{
    /// <summary>Image Type value 3 RECON TOMO (or a single reconstructed slice): a volume of counts.</summary>
    Tomographic,

    /// <summary>Image Type value 3 STATIC, WHOLE BODY or DYNAMIC: 2-D views, one per frame, with a detector each.</summary>
    Planar,
}

/// <summary>
/// The geometry of one NM dataset as the standard places it (PS3.3 C.8.4.8 NM Image Module, C.8.4.9 NM Multi-frame
/// Module, C.8.4.10 NM Detector Module, C.8.4.15 NM Reconstruction Module), read from the header only (no pixels).
/// </summary>
public sealed record NmGeometry
{
    /// <summary>Image Type (0008,0008) value 3, e.g. "RECON TOMO", "STATIC", "WHOLE BODY".</summary>
    public required string ImageTypeValue3 { get; init; }
    public required NmImageKind Kind { get; init; }
    public required int Rows { get; init; }
    public required int Columns { get; init; }

    /// <summary>Pixel Spacing (0028,0030): row spacing (between rows, mm), column spacing (between columns, mm).</summary>
    public required double RowSpacingMm { get; init; }
    public required double ColumnSpacingMm { get; init; }
    public required int NumberOfFrames { get; init; }

    /// <summary>Frame Increment Pointer (0028,0009): the vectors that index the frames.</summary>
    public IReadOnlyList<string> FrameIncrementPointer { get; init; } = [];

    /// <summary>Image Orientation (Patient) row and column direction cosines, null for planar views that carry none.</summary>
    public Vec3? Row { get; init; }
    public Vec3? Column { get; init; }

    /// <summary>Image Position (Patient) of every frame in frame order (tomographic), or empty when the header places none.</summary>
    public IReadOnlyList<Vec3> FramePositionsMm { get; init; } = [];

    /// <summary>Spacing Between Slices (0018,0088) as written (its sign gives the stacking direction), or null.</summary>
    public double? SpacingBetweenSlicesMm { get; init; }

    /// <summary>Slice Vector (0054,0080): the 1-based slice of each frame (tomographic).</summary>
    public IReadOnlyList<int> SliceVector { get; init; } = [];

    /// <summary>Detector Vector (0054,0020): the 1-based detector of each frame (planar).</summary>
    public IReadOnlyList<int> DetectorVector { get; init; } = [];

    /// <summary>View of each detector from its View Code Sequence (0054,0220): "anterior", "posterior", another meaning, or null.</summary>
    public IReadOnlyList<string?> DetectorViews { get; init; } = [];

    public string? FrameOfReferenceUid { get; init; }

    /// <summary>Where the geometry came from when the header departs from the standard's placement (vendor variants).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
