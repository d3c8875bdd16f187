namespace VoxDose.Dosimetry.Contours;

/// <summary>Contour Geometric Type (3006,0042). Only the closed planar types enclose a region.</summary>
public enum ContourGeometricType
{
    Point,
    OpenPlanar,
    OpenNonplanar,
    ClosedPlanar,

    /// <summary>CLOSED_PLANAR_XOR (added by CP-2026): contours combined by exclusive or, which the even-odd rule does anyway.</summary>
    ClosedPlanarXor,
}

/// <summary>Parsing of the DICOM code strings of <see cref="ContourGeometricType"/>.</summary>
public static class ContourGeometricTypes
{
    /// <summary>The type for a Contour Geometric Type code string, or null when the string is none of the defined terms.</summary>
    public static ContourGeometricType? Parse(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "POINT" => ContourGeometricType.Point,
        "OPEN_PLANAR" => ContourGeometricType.OpenPlanar,
        "OPEN_NONPLANAR" => ContourGeometricType.OpenNonplanar,
        "CLOSED_PLANAR" => ContourGeometricType.ClosedPlanar,
        "CLOSED_PLANAR_XOR" => ContourGeometricType.ClosedPlanarXor,
        _ => null,
    };

    public static bool EnclosesArea(this ContourGeometricType type) =>
        type is ContourGeometricType.ClosedPlanar or ContourGeometricType.ClosedPlanarXor;
}
