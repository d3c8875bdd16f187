using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// The closed contours of one ROI that lie in one plane, and the slab along the plane normal that they stand for:
/// from <see cref="LowerMm"/> to <see cref="UpperMm"/> (positions along the normal, in mm).
/// </summary>
internal sealed record ContourPlane(double PositionMm, double LowerMm, double UpperMm, IReadOnlyList<Vec3[]> Polygons);
