using System.Globalization;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// Cleans the contours of one ROI and stacks them into parallel planes with their slabs.
/// </summary>
/// <remarks>
/// Rules (docs/contours-and-metrics.md):
/// <list type="bullet">
/// <item>Only CLOSED_PLANAR (and CLOSED_PLANAR_XOR) contours enclose area; POINT and OPEN_* are skipped with a note.</item>
/// <item>Repeated consecutive points and a closing point equal to the first are dropped; fewer than 3 distinct
/// points, or a zero-area contour, is skipped with a note.</item>
/// <item>The plane normal is that of the largest contour; a contour tilted more than 2 degrees from it is skipped.</item>
/// <item>Contours within 0.05 mm of each other along the normal share a plane (combined by the even-odd rule).</item>
/// <item>A plane covers from midway to the previous plane to midway to the next; the end planes, and planes next
/// to a gap wider than twice the usual spacing, extend half the usual (median) plane spacing. A single plane
/// extends half the dose-grid voxel thickness along the normal on each side.</item>
/// </list>
/// </remarks>
internal sealed class ContourPlaneStack
{
    private const double SamePlaneToleranceMm = 0.05;
    private const double DuplicatePointToleranceMm = 1e-4;
    private static readonly double ParallelCosine = Math.Cos(2.0 * Math.PI / 180.0);

    private ContourPlaneStack(Vec3 normal, IReadOnlyList<ContourPlane> planes, IReadOnlyList<string> notes)
    {
        Normal = normal;
        Planes = planes;
        Notes = notes;
    }

    /// <summary>Unit normal of the contour planes (patient coordinates); positions are measured along it.</summary>
    public Vec3 Normal { get; }

    /// <summary>Planes sorted by position; their slabs do not overlap.</summary>
    public IReadOnlyList<ContourPlane> Planes { get; }

    public IReadOnlyList<string> Notes { get; }

    public static ContourPlaneStack Build(IReadOnlyList<Contour> contours, Volume grid)
    {
        var notes = new List<string>();
        var closed = new List<ClosedContour>();
        for (var c = 0; c < contours.Count; c++)
        {
            var contour = contours[c];
            if (!contour.Type.EnclosesArea())
            {
                notes.Add(Invariant($"contour {c + 1}: {contour.Type} contour skipped (only CLOSED_PLANAR contours enclose a region)"));
                continue;
            }
            var points = WithoutRepeatedPoints(contour.PointsMm);
            if (points.Length < 3)
            {
                notes.Add(Invariant($"contour {c + 1}: fewer than 3 distinct points, skipped"));
                continue;
            }
            var areaVector = NewellAreaVector(points);
            if (areaVector.Length < 1e-9)
            {
                notes.Add(Invariant($"contour {c + 1}: zero area, skipped"));
                continue;
            }
            closed.Add(new ClosedContour(c, points, areaVector));
        }
        if (closed.Count == 0) return new ContourPlaneStack(new Vec3(0, 0, 1), [], notes);

        var largest = closed[0]; // the first of the largest, as MaxBy chose it
        foreach (var x in closed)
            if (x.AreaVector.Length.CompareTo(largest.AreaVector.Length) > 0) largest = x;
        var normal = largest.AreaVector.Normalized();
        var dominant = Math.Abs(normal.X) >= Math.Abs(normal.Y) && Math.Abs(normal.X) >= Math.Abs(normal.Z) ? normal.X
            : Math.Abs(normal.Y) >= Math.Abs(normal.Z) ? normal.Y : normal.Z;
        if (dominant < 0) normal = normal * -1.0;

        var placed = new List<PlacedContour>();
        foreach (var (index, points, areaVector) in closed)
        {
            if (Math.Abs(areaVector.Normalized().Dot(normal)) < ParallelCosine)
            {
                notes.Add(Invariant($"contour {index + 1}: not parallel to the other contours of the ROI, skipped"));
                continue;
            }
            // What points.Average(p => p.Dot(normal)) and points.Max(...) gave: the sum from the first value, in order.
            var sum = points[0].Dot(normal);
            for (var i = 1; i < points.Length; i++) sum += points[i].Dot(normal);
            var position = sum / points.Length;
            var offPlane = Math.Abs(points[0].Dot(normal) - position);
            for (var i = 1; i < points.Length; i++)
            {
                var off = Math.Abs(points[i].Dot(normal) - position);
                if (off > offPlane) offPlane = off;
            }
            if (offPlane > 0.5)
                notes.Add(Invariant($"contour {index + 1}: points up to {offPlane:F2} mm off its plane (used at the mean position)"));
            placed.Add(new PlacedContour(position, points));
        }
        placed.Sort((a, b) => a.PositionMm.CompareTo(b.PositionMm));

        var groups = new List<PlacedGroup>();
        foreach (var (position, points) in placed)
        {
            if (groups.Count > 0 && position - groups[^1].PositionMm <= SamePlaneToleranceMm)
            {
                // An exported-twice contour would cancel itself under the even-odd rule: keep one copy.
                if (groups[^1].Polygons.Any(existing => SameOutline(existing, points)))
                    notes.Add(Invariant($"a contour at {position:F2} mm repeats another contour of the same plane: the copy is ignored"));
                else
                    groups[^1].Polygons.Add(points);
            }
            else
            {
                groups.Add(new PlacedGroup(position, [points]));
            }
        }

        var gaps = new List<double>();
        for (var g = 1; g < groups.Count; g++) gaps.Add(groups[g].PositionMm - groups[g - 1].PositionMm);
        var spacingMm = gaps.Count > 0 ? Median(gaps) : VoxelThicknessAlong(grid, normal);
        var half = spacingMm / 2.0;

        var planes = new List<ContourPlane>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var s = groups[g].PositionMm;
            var lower = g == 0 || gaps[g - 1] > 2.0 * spacingMm ? s - half : (groups[g - 1].PositionMm + s) / 2.0;
            var upper = g == groups.Count - 1 || gaps[g] > 2.0 * spacingMm ? s + half : (s + groups[g + 1].PositionMm) / 2.0;
            planes.Add(new ContourPlane(s, lower, upper, groups[g].Polygons));
        }
        return new ContourPlaneStack(normal, planes, notes);
    }

    /// <summary>Extent of one dose-grid voxel along a unit direction (mm).</summary>
    internal static double VoxelThicknessAlong(Volume grid, Vec3 unit) =>
        Math.Abs(unit.Dot(grid.RowDirection)) * grid.SpacingMm.X
        + Math.Abs(unit.Dot(grid.ColumnDirection)) * grid.SpacingMm.Y
        + Math.Abs(unit.Dot(grid.SliceDirection)) * grid.SpacingMm.Z;

    private static Vec3[] WithoutRepeatedPoints(IReadOnlyList<Vec3> pointsMm)
    {
        // The reader's contours hold arrays: indexed directly, not through the list interface (generic code compiled at run time).
        var points = pointsMm as Vec3[] ?? [.. pointsMm];
        var result = new Vec3[points.Length];
        var n = 0;
        for (var i = 0; i < result.Length; i++)
        {
            var p = points[i];
            if (n == 0 || (p - result[n - 1]).Length > DuplicatePointToleranceMm) result[n++] = p;
        }
        while (n > 1 && (result[n - 1] - result[0]).Length <= DuplicatePointToleranceMm) n--;
        if (n < result.Length) Array.Resize(ref result, n);
        return result;
    }

    private static bool SameOutline(Vec3[] a, Vec3[] b)
    {
        if (a.Length != b.Length) return false;
        const double tolerance = 1e-3;
        foreach (var p in a)
        {
            var found = false;
            foreach (var q in b)
            {
                if ((p - q).Length <= tolerance) { found = true; break; }
            }
            if (!found) return false;
        }
        return true;
    }

    /// <summary>Newell's method: a vector normal to the polygon whose length is twice its area (mm2).</summary>
    private static Vec3 NewellAreaVector(Vec3[] points)
    {
        double x = 0, y = 0, z = 0;
        for (var a = 0; a < points.Length; a++)
        {
            var p = points[a];
            var q = points[(a + 1) % points.Length];
            x += (p.Y - q.Y) * (p.Z + q.Z);
            y += (p.Z - q.Z) * (p.X + q.X);
            z += (p.X - q.X) * (p.Y + q.Y);
        }
        return new Vec3(x, y, z);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        for (var i = 1; i < sorted.Length; i++) // insertion sort: one gap per plane; the middle values are the sort's
        {
            var v = sorted[i];
            var j = i - 1;
            while (j >= 0 && sorted[j] > v) { sorted[j + 1] = sorted[j]; j--; }
            sorted[j + 1] = v;
        }
        var m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }

    // Reference types, not tuples: the lists and the sort below then run the runtime's shared, precompiled code instead
    // of code compiled at run time for each value-type instantiation.
    private sealed record ClosedContour(int Index, Vec3[] Points, Vec3 AreaVector);

    private sealed record PlacedContour(double PositionMm, Vec3[] Points);

    private sealed record PlacedGroup(double PositionMm, List<Vec3[]> Polygons);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
