namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// Closed polygons in one plane (2-D coordinates) combined by the even-odd rule: a point is inside when a ray
/// from it crosses the polygon edges an odd number of times. Holes, several islands and mixed winding need no
/// special case. Edges are bucketed along y so that a query touches only the edges near its row.
/// </summary>
/// <remarks>
/// Edges and buckets are plain arrays (buckets as one index array with offsets), not generic lists: the generic
/// code over these value types would be compiled at run time and run unoptimised in the per-point and per-row loops.
/// </remarks>
internal sealed class EvenOddPolygonSet
{
    private Edge[] _edges = new Edge[16];
    private int _edgeCount;
    private int[] _bucketStart = [];   // bucket b holds _bucketEdges[_bucketStart[b] .. _bucketStart[b + 1]), in edge order
    private int[] _bucketEdges = [];
    private double _bucketHeight;

    public double MinX { get; private set; } = double.PositiveInfinity;
    public double MaxX { get; private set; } = double.NegativeInfinity;
    public double MinY { get; private set; } = double.PositiveInfinity;
    public double MaxY { get; private set; } = double.NegativeInfinity;

    public bool IsEmpty => _edgeCount == 0;

    /// <summary>Adds a closed polygon given by its vertices (the closing edge is implied).</summary>
    public void AddPolygon((double X, double Y)[] vertices)
    {
        for (var a = 0; a < vertices.Length; a++)
        {
            var p = vertices[a];
            var q = vertices[(a + 1) % vertices.Length];
            MinX = Math.Min(MinX, p.X); MaxX = Math.Max(MaxX, p.X);
            MinY = Math.Min(MinY, p.Y); MaxY = Math.Max(MaxY, p.Y);
            if (p.Y == q.Y) continue; // horizontal edges never cross a row
            if (_edgeCount == _edges.Length)
            {
                var grown = new Edge[2 * _edges.Length];
                Array.Copy(_edges, grown, _edgeCount);
                _edges = grown;
            }
            _edges[_edgeCount++] = new Edge(p.X, p.Y, q.X, q.Y);
        }
        _bucketStart = [];
    }

    /// <summary>
    /// The x values where the row at <paramref name="y"/> crosses an edge (half-open in y), sorted, into
    /// <paramref name="xs"/> (grown when too small); returns how many.
    /// </summary>
    public int Crossings(double y, ref double[] xs)
    {
        if (_edgeCount == 0 || y < MinY || y >= MaxY) return 0;
        EnsureBuckets();
        var b = Math.Clamp((int)((y - MinY) / _bucketHeight), 0, _bucketStart.Length - 2);
        var n = 0;
        for (var at = _bucketStart[b]; at < _bucketStart[b + 1]; at++)
        {
            var e = _edges[_bucketEdges[at]];
            if ((e.Y0 <= y && y < e.Y1) || (e.Y1 <= y && y < e.Y0))
            {
                if (n == xs.Length)
                {
                    var grown = new double[2 * xs.Length];
                    Array.Copy(xs, grown, n);
                    xs = grown;
                }
                xs[n++] = e.X0 + (y - e.Y0) * (e.X1 - e.X0) / (e.Y1 - e.Y0);
            }
        }
        for (var i = 1; i < n; i++) // insertion sort: a row crosses few edges
        {
            var x = xs[i];
            var j = i - 1;
            while (j >= 0 && xs[j] > x) { xs[j + 1] = xs[j]; j--; }
            xs[j + 1] = x;
        }
        return n;
    }

    /// <summary>True when (x, y) is inside by the even-odd rule.</summary>
    public bool Contains(double x, double y)
    {
        if (_edgeCount == 0 || y < MinY || y >= MaxY || x < MinX || x > MaxX) return false;
        EnsureBuckets();
        var b = Math.Clamp((int)((y - MinY) / _bucketHeight), 0, _bucketStart.Length - 2);
        var inside = false;
        for (var at = _bucketStart[b]; at < _bucketStart[b + 1]; at++)
        {
            var e = _edges[_bucketEdges[at]];
            if (((e.Y0 <= y && y < e.Y1) || (e.Y1 <= y && y < e.Y0))
                && e.X0 + (y - e.Y0) * (e.X1 - e.X0) / (e.Y1 - e.Y0) > x)
                inside = !inside;
        }
        return inside;
    }

    private void EnsureBuckets()
    {
        if (_bucketStart.Length > 0) return;
        var count = Math.Clamp(_edgeCount / 4, 1, 4096);
        _bucketHeight = Math.Max((MaxY - MinY) / count, 1e-12);
        var start = new int[count + 1];
        for (var i = 0; i < _edgeCount; i++) // count the edges of each bucket
        {
            BucketRange(_edges[i], count, out var lo, out var hi);
            for (var b = lo; b <= hi; b++) start[b + 1]++;
        }
        for (var b = 0; b < count; b++) start[b + 1] += start[b];
        _bucketEdges = new int[start[count]];
        var filled = new int[count];
        for (var i = 0; i < _edgeCount; i++) // then place them, in edge order
        {
            BucketRange(_edges[i], count, out var lo, out var hi);
            for (var b = lo; b <= hi; b++) _bucketEdges[start[b] + filled[b]++] = i;
        }
        _bucketStart = start;
    }

    private void BucketRange(Edge e, int count, out int lo, out int hi)
    {
        lo = Math.Clamp((int)((Math.Min(e.Y0, e.Y1) - MinY) / _bucketHeight), 0, count - 1);
        hi = Math.Clamp((int)((Math.Max(e.Y0, e.Y1) - MinY) / _bucketHeight), 0, count - 1);
    }

    private readonly record struct Edge(double X0, double Y0, double X1, double Y1);
}
