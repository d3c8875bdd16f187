using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// The longest axial diameter of a contoured region (the size the study and mRECIST measure): the greatest distance
/// between two points of one axial contour (all its points at one patient z), over every axial contour of the ROI.
/// Computed on the contour points as written, not on the rasterised mask, so it does not depend on the dose grid.
/// </summary>
public static class AxialDiameter
{
    /// <summary>Points of one axial contour differ in z by no more than this (mm): RTSTRUCT coordinates are decimal strings.</summary>
    public const double AxialToleranceMm = 1e-3;

    /// <summary>The longest axial diameter in mm, or null when the ROI has no axial contour of two or more points.</summary>
    public static double? LongestMm(IEnumerable<Contour> contours)
    {
        double? longest = null;
        foreach (var contour in contours)
        {
            if (contour.PointsMm.Count < 2 || !IsAxial(contour.PointsMm)) continue;
            var d = LongestChordMm(contour.PointsMm);
            if (longest is null || d > longest) longest = d;
        }
        return longest;
    }

    /// <summary>Whether every point of the contour lies at the z of its first point (within <see cref="AxialToleranceMm"/>).</summary>
    public static bool IsAxial(IReadOnlyList<Vec3> pointsMm)
    {
        var z0 = pointsMm[0].Z;
        foreach (var p in pointsMm)
            if (Math.Abs(p.Z - z0) > AxialToleranceMm) return false;
        return true;
    }

    /// <summary>
    /// The greatest distance between two of the points (mm), in the axial plane: the farthest pair lies on the convex
    /// hull (Andrew's monotone chain), so only hull points are compared pairwise.
    /// </summary>
    public static double LongestChordMm(IReadOnlyList<Vec3> pointsMm)
    {
        var hull = ConvexHull(SortedDistinct(pointsMm));
        var best = 0.0;
        for (var i = 0; i < hull.Count; i++)
        {
            for (var j = i + 1; j < hull.Count; j++)
            {
                var dx = hull[i].X - hull[j].X;
                var dy = hull[i].Y - hull[j].Y;
                best = Math.Max(best, dx * dx + dy * dy);
            }
        }
        return Math.Sqrt(best);
    }

    /// <summary>
    /// The points' (x, y), distinct and sorted by x then y: what Distinct().OrderBy(x).ThenBy(y) gives, without LINQ's
    /// hashing and key sorting (a 3D Slicer export holds 100 000+ points). Equal points are adjacent once sorted, so
    /// keeping the first of each run removes the duplicates; the sorted distinct points have one order only.
    /// </summary>
    internal static (double X, double Y)[] SortedDistinct(IReadOnlyList<Vec3> pointsMm)
    {
        var points = new (double X, double Y)[pointsMm.Count];
        for (var i = 0; i < points.Length; i++) points[i] = (pointsMm[i].X, pointsMm[i].Y);
        Array.Sort(points, default(ByXThenY));
        var n = 0;
        for (var i = 0; i < points.Length; i++)
            if (n == 0 || !points[i].Equals(points[n - 1])) points[n++] = points[i];
        return n == points.Length ? points : points[..n];
    }

    private readonly struct ByXThenY : IComparer<(double X, double Y)>
    {
        public int Compare((double X, double Y) a, (double X, double Y) b)
        {
            var c = a.X.CompareTo(b.X);
            return c != 0 ? c : a.Y.CompareTo(b.Y);
        }
    }

    private static List<(double X, double Y)> ConvexHull((double X, double Y)[] sorted)
    {
        if (sorted.Length <= 2) return [.. sorted];
        var hull = new List<(double X, double Y)>(sorted.Length + 1);
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
            (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        foreach (var p in sorted) // lower hull
        {
            while (hull.Count >= 2 && Cross(hull[^2], hull[^1], p) <= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(p);
        }
        var lower = hull.Count + 1;
        for (var i = sorted.Length - 2; i >= 0; i--) // upper hull
        {
            while (hull.Count >= lower && Cross(hull[^2], hull[^1], sorted[i]) <= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(sorted[i]);
        }
        hull.RemoveAt(hull.Count - 1); // the first point again
        return hull;
    }
}
