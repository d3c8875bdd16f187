using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// The doses of the voxels of one ROI with their partial-volume weights, sorted by dose, and the statistics
/// defined on them (docs/contours-and-metrics.md). Every statistic weighs a voxel by the fraction of it inside the ROI.
/// </summary>
public sealed class WeightedDoseDistribution
{
    private const double RelativeTolerance = 1e-9;
    private readonly double[] _doseGy;   // ascending
    private readonly double[] _weight;
    private readonly double[] _weightAtOrAbove; // _weightAtOrAbove[i] = sum of weights of entries i..end

    private WeightedDoseDistribution(double[] doseGy, double[] weight)
    {
        Array.Sort(doseGy, weight);
        _doseGy = doseGy;
        _weight = weight;
        _weightAtOrAbove = new double[doseGy.Length + 1];
        for (var i = doseGy.Length - 1; i >= 0; i--) _weightAtOrAbove[i] = _weightAtOrAbove[i + 1] + weight[i];
        TotalWeight = _weightAtOrAbove[0];
        if (TotalWeight > 0)
        {
            double sum = 0;
            for (var i = 0; i < doseGy.Length; i++) sum += weight[i] * doseGy[i];
            MeanGy = sum / TotalWeight;
            double squares = 0;
            for (var i = 0; i < doseGy.Length; i++) squares += weight[i] * (doseGy[i] - MeanGy) * (doseGy[i] - MeanGy);
            SdGy = Math.Sqrt(squares / TotalWeight);
        }
        else
        {
            MeanGy = SdGy = double.NaN;
        }
    }

    /// <summary>The dose voxels under the mask's non-zero weights. The grids must match.</summary>
    public static WeightedDoseDistribution From(Volume doseGy, RoiMask mask)
    {
        if (!doseGy.HasSameGrid(mask.Weights))
            throw new ArgumentException("The ROI mask is not on the dose grid: rasterise the contours onto the dose volume.", nameof(mask));
        // Only the mask's bounding box can hold non-zero weights: visited row by row in the grid's order, it gives
        // the voxels in the order a pass over the whole grid would.
        var weights = mask.Weights.Voxels;
        var box = mask.Bounds;
        var grid = mask.Weights;
        var count = 0;
        foreach (var row in box.Rows(grid))
            for (var i = row.First; i <= row.Last; i++) if (weights[i] > 0) count++;
        var dose = new double[count];
        var weight = new double[count];
        var n = 0;
        foreach (var row in box.Rows(grid))
            for (var i = row.First; i <= row.Last; i++)
            {
                if (weights[i] <= 0) continue;
                var d = doseGy.Voxels[i];
                if (!float.IsFinite(d)) throw new ArgumentException($"Dose voxel {i} is {d}: the dose map is not valid.", nameof(doseGy));
                dose[n] = d;
                weight[n++] = weights[i];
            }
        return new WeightedDoseDistribution(dose, weight);
    }

    /// <summary>A distribution from explicit (dose, weight) pairs, e.g. for tests or derived regions.</summary>
    public static WeightedDoseDistribution From(IEnumerable<(double DoseGy, double Weight)> samples)
    {
        var list = samples.Where(s => s.Weight > 0).ToList();
        return new WeightedDoseDistribution([.. list.Select(s => s.DoseGy)], [.. list.Select(s => s.Weight)]);
    }

    /// <summary>Sum of the weights (voxels).</summary>
    public double TotalWeight { get; }

    public bool IsEmpty => TotalWeight <= 0;

    public double MeanGy { get; }

    /// <summary>Weighted population standard deviation: sqrt(sum w (d - mean)^2 / sum w).</summary>
    public double SdGy { get; }

    /// <summary>SD / mean; NaN when the mean is 0 or the ROI is empty.</summary>
    public double Cov => MeanGy != 0 ? SdGy / MeanGy : double.NaN;

    public double MinGy => IsEmpty ? double.NaN : _doseGy[0];
    public double MaxGy => IsEmpty ? double.NaN : _doseGy[^1];

    /// <summary>The median, defined as D50 (see <see cref="DoseCoveringPercent"/>).</summary>
    public double MedianGy => DoseCoveringPercent(50);

    /// <summary>
    /// Dx: the largest dose d such that at least <paramref name="percent"/> % of the volume receives d or more
    /// (the minimum dose of the hottest x %). D0 is the maximum, D100 the minimum.
    /// </summary>
    public double DoseCoveringPercent(double percent)
    {
        if (percent is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percent), percent, "Dx needs x in 0..100 %.");
        if (IsEmpty) return double.NaN;
        var target = percent / 100.0 * TotalWeight * (1 - RelativeTolerance);
        // _weightAtOrAbove decreases with the index: find the largest index whose tail still holds the target.
        int lo = 0, hi = _doseGy.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_weightAtOrAbove[mid] >= target) lo = mid; else hi = mid - 1;
        }
        return _doseGy[lo];
    }

    /// <summary>Vy: percent of the volume receiving at least <paramref name="doseGy"/>.</summary>
    public double PercentReceivingAtLeast(double doseGy)
    {
        if (IsEmpty) return double.NaN;
        var first = FirstIndexAtOrAbove(doseGy);
        return 100.0 * _weightAtOrAbove[first] / TotalWeight;
    }

    /// <summary>
    /// Cumulative DVH: points at 0, w, 2w, ... up to the first multiple of w above the maximum (volume 0 %), where
    /// w is <paramref name="binWidthGy"/> unless that needs more than <paramref name="maxPoints"/> points, in which
    /// case w is the smallest 1-2-5 step that fits.
    /// </summary>
    public IReadOnlyList<DvhPoint> CumulativeDvh(double binWidthGy, int maxPoints)
    {
        if (!(binWidthGy > 0)) throw new ArgumentOutOfRangeException(nameof(binWidthGy), binWidthGy, "DVH bin width must be positive.");
        if (maxPoints < 3) throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "A DVH needs at least 3 points.");
        if (IsEmpty) return [];
        var maxGy = Math.Max(MaxGy, 0);
        var width = DvhBinWidth(maxGy, binWidthGy, maxPoints);
        var last = (int)Math.Floor(maxGy / width) + 1;
        var points = new List<DvhPoint>(last + 1);
        for (var b = 0; b <= last; b++)
        {
            var dose = Math.Round(b * width, 9); // 500 * 0.1 must be 50, not 50.000000000000007
            points.Add(new DvhPoint(dose, PercentReceivingAtLeast(dose)));
        }
        return points;
    }

    /// <summary>The DVH bin width: the requested one, or the smallest 1-2-5 x 10^n step giving at most maxPoints points.</summary>
    public static double DvhBinWidth(double maxGy, double requestedWidthGy, int maxPoints)
    {
        if (Math.Floor(maxGy / requestedWidthGy) + 2 <= maxPoints) return requestedWidthGy;
        var needed = maxGy / (maxPoints - 2);
        var decade = Math.Pow(10, Math.Floor(Math.Log10(needed)));
        foreach (var m in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (m * decade >= needed && Math.Floor(maxGy / (m * decade)) + 2 <= maxPoints) return m * decade;
        return 20 * decade;
    }

    /// <summary>
    /// Niemierko's generalised EUD: (sum w d^a / sum w)^(1/a). Negative doses count as 0; with a &lt; 0 a voxel at
    /// 0 Gy makes the gEUD 0 (a cold spot dominates). a = 1 gives the mean.
    /// </summary>
    public double GeneralisedEud(double a)
    {
        if (a == 0 || !double.IsFinite(a)) throw new ArgumentOutOfRangeException(nameof(a), a, "gEUD parameter a must be finite and non-zero.");
        if (IsEmpty) return double.NaN;
        double sum = 0;
        for (var i = 0; i < _doseGy.Length; i++)
        {
            var d = Math.Max(_doseGy[i], 0);
            if (d == 0 && a < 0) return 0;
            sum += _weight[i] * Math.Pow(d, a);
        }
        return Math.Pow(sum / TotalWeight, 1 / a);
    }

    /// <summary>Weighted mean of a function of the voxel dose (e.g. the voxel BED).</summary>
    public double WeightedMean(Func<double, double> ofDoseGy)
    {
        if (IsEmpty) return double.NaN;
        double sum = 0;
        for (var i = 0; i < _doseGy.Length; i++) sum += _weight[i] * ofDoseGy(_doseGy[i]);
        return sum / TotalWeight;
    }

    private int FirstIndexAtOrAbove(double doseGy)
    {
        int lo = 0, hi = _doseGy.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_doseGy[mid] >= doseGy) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
