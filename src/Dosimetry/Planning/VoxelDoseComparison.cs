using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Planning;

/// <summary>
/// Predicted (plan) against delivered (PET) dose voxel by voxel: each delivered-grid voxel centre is mapped into the
/// plan's frame (<paramref name="planToDelivered"/> inverted) and the predicted dose sampled there (trilinear); voxels
/// outside the predicted map are skipped. Compared: voxels where either dose reaches <see cref="ThresholdFraction"/> of
/// the delivered maximum. Reports the dose difference (delivered - predicted) mean, SD, the fraction within
/// +/- <see cref="ToleranceGy"/>, and a histogram in <see cref="BinWidthGy"/> bins from -<see cref="RangeGy"/> to
/// +<see cref="RangeGy"/> (plus an underflow and an overflow bin).
/// </summary>
public sealed record VoxelDoseComparison(long VoxelsCompared, double MeanDifferenceGy, double SdDifferenceGy, double FractionWithinTolerance,
    IReadOnlyList<long> HistogramCounts)
{
    public const double ThresholdFraction = 0.10;
    public const double ToleranceGy = 10.0;
    public const double BinWidthGy = 10.0;
    public const double RangeGy = 100.0;

    /// <summary>Lower edge (Gy) of histogram bin <paramref name="bin"/> (bin 0 is the underflow, below -RangeGy).</summary>
    public static double BinLowerGy(int bin) => bin == 0 ? double.NegativeInfinity : -RangeGy + (bin - 1) * BinWidthGy;

    public static VoxelDoseComparison Compare(Volume predictedGy, Volume deliveredGy, AffineTransform planToDelivered)
    {
        ArgumentNullException.ThrowIfNull(predictedGy);
        ArgumentNullException.ThrowIfNull(deliveredGy);
        var back = planToDelivered.Inverse();
        float max = 0;
        foreach (var v in deliveredGy.Voxels) max = Math.Max(max, v);
        var threshold = ThresholdFraction * max;
        var bins = (int)(2 * RangeGy / BinWidthGy);
        var histogram = new long[bins + 2];
        long n = 0, within = 0;
        double sum = 0, sumSq = 0;
        for (var z = 0; z < deliveredGy.SizeZ; z++)
            for (var y = 0; y < deliveredGy.SizeY; y++)
                for (var x = 0; x < deliveredGy.SizeX; x++)
                {
                    var p = predictedGy.PatientToVoxel(back.Apply(deliveredGy.VoxelToPatient(x, y, z)));
                    if (Sample(predictedGy, p) is not { } predicted) continue;
                    var delivered = deliveredGy[x, y, z];
                    if (delivered < threshold && predicted < threshold) continue;
                    var d = delivered - predicted;
                    n++;
                    sum += d;
                    sumSq += d * d;
                    if (Math.Abs(d) <= ToleranceGy) within++;
                    var bin = d < -RangeGy ? 0 : d >= RangeGy ? bins + 1 : 1 + (int)Math.Floor((d + RangeGy) / BinWidthGy);
                    histogram[Math.Clamp(bin, 0, bins + 1)]++;
                }
        if (n == 0) return new VoxelDoseComparison(0, double.NaN, double.NaN, double.NaN, histogram);
        var mean = sum / n;
        return new VoxelDoseComparison(n, mean, Math.Sqrt(Math.Max(0, sumSq / n - mean * mean)), (double)within / n, histogram);
    }

    /// <summary>Trilinear sample at a fractional voxel index; null outside the grid (edge voxels' centres inclusive).</summary>
    private static double? Sample(Volume v, Vec3 p)
    {
        if (p.X < -1e-6 || p.Y < -1e-6 || p.Z < -1e-6 || p.X > v.SizeX - 1 + 1e-6 || p.Y > v.SizeY - 1 + 1e-6 || p.Z > v.SizeZ - 1 + 1e-6) return null;
        int x0 = Math.Clamp((int)Math.Floor(p.X), 0, Math.Max(0, v.SizeX - 2)), y0 = Math.Clamp((int)Math.Floor(p.Y), 0, Math.Max(0, v.SizeY - 2)),
            z0 = Math.Clamp((int)Math.Floor(p.Z), 0, Math.Max(0, v.SizeZ - 2));
        int x1 = Math.Min(x0 + 1, v.SizeX - 1), y1 = Math.Min(y0 + 1, v.SizeY - 1), z1 = Math.Min(z0 + 1, v.SizeZ - 1);
        double fx = Math.Clamp(p.X - x0, 0, 1), fy = Math.Clamp(p.Y - y0, 0, 1), fz = Math.Clamp(p.Z - z0, 0, 1);
        double Lerp(double a, double b, double f) => a + (b - a) * f;
        var c00 = Lerp(v[x0, y0, z0], v[x1, y0, z0], fx);
        var c10 = Lerp(v[x0, y1, z0], v[x1, y1, z0], fx);
        var c01 = Lerp(v[x0, y0, z1], v[x1, y0, z1], fx);
        var c11 = Lerp(v[x0, y1, z1], v[x1, y1, z1], fx);
        return Lerp(Lerp(c00, c10, fy), Lerp(c01, c11, fy), fz);
    }
}
