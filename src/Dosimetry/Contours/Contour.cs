using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Contours;

/// <summary>One item of the Contour Sequence (3006,0040): its geometric type and its points in patient coordinates (mm).</summary>
public sealed record Contour(ContourGeometricType Type, IReadOnlyList<Vec3> PointsMm)
{
    /// <summary>A closed planar contour through the given points (mm).</summary>
    public static Contour Closed(IEnumerable<Vec3> pointsMm) => new(ContourGeometricType.ClosedPlanar, [.. pointsMm]);
}
