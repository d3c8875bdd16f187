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
        if (pointsMm is Vec3[] array)
        {
            foreach (var p in array)
                if (Math.Abs(p.Z - z0) > AxialToleranceMm) return false;
            return true;
        }
        for (var i = 0; i < pointsMm.Count; i++)
            if (Math.Abs(pointsMm[i].Z - z0) > AxialToleranceMm) return false;
        return true;
    }

    /// <summary>
    /// The greatest distance between two of the points (mm), in the axial plane: the farthest pair lies on the convex
    /// hull (Andrew's monotone chain), so only hull points are compared pairwise.
    /// </summary>
    public static double LongestChordMm(IReadOnlyList<Vec3> pointsMm)
    {
        var (hull, count) = ConvexHull(SortedDistinct(pointsMm));
        var best = 0.0;
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                var dx = hull[i].X - hull[j].X;
                var dy = hull[i].Y - hull[j].Y;
                best = Math.Max(best, dx * dx + dy * dy);
            }
        }
        return Math.Sqrt(best);
    }

    /// <summary>
    /// The points' (x, y), distinct and sorted by x then y: what Distinct().OrderBy(x).ThenBy(y) gives. Sorted here by a
    /// plain merge sort rather than LINQ or Array.Sort over tuples, whose generic code for this value type is compiled at
    /// run time and runs unoptimised first (a 3D Slicer export holds 100 000+ points). Equal points are adjacent once
    /// sorted, so keeping the first of each run removes the duplicates; the sorted distinct points have one order only.
    /// </summary>
    internal static (double X, double Y)[] SortedDistinct(IReadOnlyList<Vec3> pointsMm)
    {
        var points = new (double X, double Y)[pointsMm.Count];
        if (pointsMm is Vec3[] array)
            for (var i = 0; i < points.Length; i++) points[i] = (array[i].X, array[i].Y);
        else
            for (var i = 0; i < points.Length; i++) points[i] = (pointsMm[i].X, pointsMm[i].Y);
        MergeSort(points, new (double X, double Y)[points.Length], 0, points.Length);
        var n = 0;
        for (var i = 0; i < points.Length; i++)
            if (n == 0 || Compare(points[i], points[n - 1]) != 0) points[n++] = points[i];
        if (n == points.Length) return points;
        var distinct = new (double X, double Y)[n];
        Array.Copy(points, distinct, n);
        return distinct;
    }

    /// <summary>x, then y, as <see cref="double.CompareTo(double)"/> orders them (0 exactly when equal, -0 and 0 alike; NaN first).</summary>
    private static int Compare((double X, double Y) a, (double X, double Y) b)
    {
        var c = Compare(a.X, b.X);
        return c != 0 ? c : Compare(a.Y, b.Y);
    }

    /// <summary><see cref="double.CompareTo(double)"/> written out, so the sort's inner loop makes no call.</summary>
    private static int Compare(double a, double b) =>
        a < b ? -1 : a > b ? 1 : a == b ? 0 : double.IsNaN(a) ? (double.IsNaN(b) ? 0 : -1) : 1;

    /// <summary>Sorts items[from..to) with <see cref="Compare"/>, using <paramref name="buffer"/> (same length) as scratch.</summary>
    private static void MergeSort((double X, double Y)[] items, (double X, double Y)[] buffer, int from, int to)
    {
        if (to - from <= 16)
        {
            for (var i = from + 1; i < to; i++)
            {
                var item = items[i];
                var j = i - 1;
                while (j >= from && Compare(items[j], item) > 0) { items[j + 1] = items[j]; j--; }
                items[j + 1] = item;
            }
            return;
        }
        var mid = from + (to - from) / 2;
        MergeSort(items, buffer, from, mid);
        MergeSort(items, buffer, mid, to);
        if (Compare(items[mid - 1], items[mid]) <= 0) return;
        Array.Copy(items, from, buffer, from, to - from);
        int l = from, r = mid, k = from;
        while (l < mid && r < to) items[k++] = Compare(buffer[r], buffer[l]) < 0 ? buffer[r++] : buffer[l++];
        while (l < mid) items[k++] = buffer[l++];
        while (r < to) items[k++] = buffer[r++];
    }

    /// <summary>The convex hull of sorted distinct points (an array and its length: no generic list in this loop over every point).</summary>
    private static ((double X, double Y)[] Points, int Count) ConvexHull((double X, double Y)[] sorted)
    {
        if (sorted.Length <= 2) return (sorted, sorted.Length);
        var hull = new (double X, double Y)[sorted.Length + 1];
        var n = 0;
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
            (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        foreach (var p in sorted) // lower hull
        {
            while (n >= 2 && Cross(hull[n - 2], hull[n - 1], p) <= 0) n--;
            hull[n++] = p;
        }
        var lower = n + 1;
        for (var i = sorted.Length - 2; i >= 0; i--) // upper hull
        {
            while (n >= lower && Cross(hull[n - 2], hull[n - 1], sorted[i]) <= 0) n--;
            hull[n++] = sorted[i];
        }
        return (hull, n - 1); // the last is the first point again
    }
}
