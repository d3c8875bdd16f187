namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// Closed polygons in one plane (2-D coordinates) combined by the even-odd rule: a point is inside when a ray
/// from it crosses the polygon edges an odd number of times. Holes, several islands and mixed winding need no
/// special case. Edges are bucketed along y so that a query touches only the edges near its row.
/// </summary>
internal sealed class EvenOddPolygonSet
{
    private readonly List<Edge> _edges = [];
    private List<int>[] _buckets = [];
    private double _bucketHeight;

    public double MinX { get; private set; } = double.PositiveInfinity;
    public double MaxX { get; private set; } = double.NegativeInfinity;
    public double MinY { get; private set; } = double.PositiveInfinity;
    public double MaxY { get; private set; } = double.NegativeInfinity;

    public bool IsEmpty => _edges.Count == 0;

    /// <summary>Adds a closed polygon given by its vertices (the closing edge is implied).</summary>
    public void AddPolygon(IReadOnlyList<(double X, double Y)> vertices)
    {
        for (var a = 0; a < vertices.Count; a++)
        {
            var p = vertices[a];
            var q = vertices[(a + 1) % vertices.Count];
            MinX = Math.Min(MinX, p.X); MaxX = Math.Max(MaxX, p.X);
            MinY = Math.Min(MinY, p.Y); MaxY = Math.Max(MaxY, p.Y);
            if (p.Y != q.Y) _edges.Add(new Edge(p.X, p.Y, q.X, q.Y)); // horizontal edges never cross a row
        }
        _buckets = [];
    }

    /// <summary>The x values where the row at <paramref name="y"/> crosses an edge (half-open in y), sorted.</summary>
    public void Crossings(double y, List<double> xs)
    {
        xs.Clear();
        if (_edges.Count == 0 || y < MinY || y >= MaxY) return;
        EnsureBuckets();
        var b = Math.Clamp((int)((y - MinY) / _bucketHeight), 0, _buckets.Length - 1);
        foreach (var index in _buckets[b])
        {
            var e = _edges[index];
            if ((e.Y0 <= y && y < e.Y1) || (e.Y1 <= y && y < e.Y0))
                xs.Add(e.X0 + (y - e.Y0) * (e.X1 - e.X0) / (e.Y1 - e.Y0));
        }
        xs.Sort();
    }

    /// <summary>True when (x, y) is inside by the even-odd rule.</summary>
    public bool Contains(double x, double y)
    {
        if (_edges.Count == 0 || y < MinY || y >= MaxY || x < MinX || x > MaxX) return false;
        EnsureBuckets();
        var b = Math.Clamp((int)((y - MinY) / _bucketHeight), 0, _buckets.Length - 1);
        var inside = false;
        foreach (var index in _buckets[b])
        {
            var e = _edges[index];
            if (((e.Y0 <= y && y < e.Y1) || (e.Y1 <= y && y < e.Y0))
                && e.X0 + (y - e.Y0) * (e.X1 - e.X0) / (e.Y1 - e.Y0) > x)
                inside = !inside;
        }
        return inside;
    }

    private void EnsureBuckets()
    {
        if (_buckets.Length > 0) return;
        var count = Math.Clamp(_edges.Count / 4, 1, 4096);
        _bucketHeight = Math.Max((MaxY - MinY) / count, 1e-12);
        _buckets = new List<int>[count];
        for (var b = 0; b < count; b++) _buckets[b] = [];
        for (var i = 0; i < _edges.Count; i++)
        {
            var e = _edges[i];
            var lo = Math.Clamp((int)((Math.Min(e.Y0, e.Y1) - MinY) / _bucketHeight), 0, count - 1);
            var hi = Math.Clamp((int)((Math.Max(e.Y0, e.Y1) - MinY) / _bucketHeight), 0, count - 1);
            for (var b = lo; b <= hi; b++) _buckets[b].Add(i);
        }
    }

    private readonly record struct Edge(double X0, double Y0, double X1, double Y1);
}
