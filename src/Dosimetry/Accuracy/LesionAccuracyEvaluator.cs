using System.Collections;
using System.Globalization;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Accuracy;

/// <summary>
/// The accuracy figures of each lesion of one study: partial-volume assessment, the optional recovery-corrected mean,
/// and the standard uncertainty (k = 1) of the mean dose with its components (Gear et al., EJNMMI 2018;45:2456).
/// Methods and limits: docs/dosimetry.md, "Lesion accuracy".
/// </summary>
public sealed class LesionAccuracyEvaluator
{
    private readonly Volume _doseGy;
    private readonly Volume? _activity;
    private readonly PartialVolumeOptions _pv;
    private readonly UncertaintyOptions _u;
    private readonly StudyAccuracyInputs _study;
    private readonly BitArray _lesionVoxels;
    private readonly Lazy<VoxelNoiseModel?> _noise;
    private readonly bool _fullGrid;

    /// <param name="lesionMasks">Every lesion of the study: their voxels are kept out of each other's background shell.</param>
    public LesionAccuracyEvaluator(Volume doseGy, Volume? activity, MetricsOptions options, StudyAccuracyInputs study, IEnumerable<RoiMask> lesionMasks)
        : this(doseGy, activity, options, study, lesionMasks, fullGrid: false)
    {
    }

    /// <param name="fullGrid">Scan the whole grid instead of each lesion's bounding box: the reference the box is tested against.</param>
    internal LesionAccuracyEvaluator(Volume doseGy, Volume? activity, MetricsOptions options, StudyAccuracyInputs study, IEnumerable<RoiMask> lesionMasks, bool fullGrid)
    {
        _doseGy = doseGy;
        _activity = activity;
        _pv = options.PartialVolume;
        _u = options.Uncertainty;
        _study = study;
        _fullGrid = fullGrid;
        _lesionVoxels = new BitArray(doseGy.Count);
        foreach (var mask in lesionMasks)
        {
            // The mask's bounding box (its non-zero weights) holds every lesion voxel; every figure below works inside
            // it, grown by the margin the figure needs, not over the whole grid.
            var w = mask.Weights.Voxels;
            foreach (var row in mask.Bounds.Rows(mask.Weights))
                for (var i = row.First; i <= row.Last; i++)
                    if (w[i] > 0) _lesionVoxels[i] = true;
        }
        _noise = new Lazy<VoxelNoiseModel?>(() =>
        {
            if (_activity is null || !_activity.HasSameGrid(_doseGy)) return null;
            var kernel = new GaussianNoiseKernel(_pv.NoiseCorrelationFwhmMm ?? _study.ResolutionFwhmMm, _activity.SpacingMm);
            var model = VoxelNoiseModel.Estimate(_activity, PerfusedRegionFinder.Find(_activity), kernel);
            return double.IsFinite(model.Kappa) ? model : null;
        });
    }

    public PartialVolumeAssessment Assess(double volumeMl) =>
        new(2.0 * Math.Cbrt(3.0 * volumeMl * 1000.0 / (4.0 * Math.PI)), _study.ResolutionFwhmMm, _study.ResolutionSource, _pv.DiameterFactor);

    /// <summary>The lesion's metrics with the recovery-corrected mean (when a table is configured) and the uncertainty.</summary>
    public RoiMetrics Complete(RoiMetrics lesion, RoiMask mask)
    {
        if (mask.IsEmpty || !double.IsFinite(lesion.MeanGy)) return lesion;
        return lesion with { RecoveryCorrected = Recovery(lesion, mask), Uncertainty = Uncertainty(lesion, mask) };
    }

    /// <summary>Contrast recovery coefficient of a sphere of <paramref name="volumeMl"/>, interpolated linearly in volume, constant beyond the ends.</summary>
    public static double RecoveryCoefficient(IReadOnlyList<RecoveryPoint> table, double volumeMl)
    {
        if (table.Count == 0) throw new ArgumentException("The recovery table is empty.", nameof(table));
        if (volumeMl <= table[0].VolumeMl) return table[0].Rc;
        for (var i = 1; i < table.Count; i++)
        {
            if (volumeMl > table[i].VolumeMl) continue;
            var f = (volumeMl - table[i - 1].VolumeMl) / (table[i].VolumeMl - table[i - 1].VolumeMl);
            return table[i - 1].Rc + f * (table[i].Rc - table[i - 1].Rc);
        }
        return table[^1].Rc;
    }

    private RecoveryCorrectedDose? Recovery(RoiMetrics lesion, RoiMask mask)
    {
        if (_pv.RecoveryTable.Count == 0) return null;
        var rc = RecoveryCoefficient(_pv.RecoveryTable, lesion.VolumeMl);
        var inner = _study.ResolutionFwhmMm;
        var outer = 2 * _study.ResolutionFwhmMm;
        var backgroundGy = ShellMean(mask, inner, outer);
        if (!double.IsFinite(backgroundGy)) backgroundGy = 0;
        var corrected = backgroundGy + (lesion.MeanGy - backgroundGy) / rc;
        return new RecoveryCorrectedDose(rc, backgroundGy, corrected, string.Create(CultureInfo.InvariantCulture,
            $"background + (TDv - background) / RC; RC {rc:0.###} for {lesion.VolumeMl:0.#} mL from the configured recovery table; background = mean dose {inner:0.#}-{outer:0.#} mm outside the contour (other lesions excluded)"));
    }

    private DoseUncertainty Uncertainty(RoiMetrics lesion, RoiMask mask)
    {
        var inv = CultureInfo.InvariantCulture;
        var tdv = lesion.MeanGy;
        var components = new List<UncertaintyComponent>();
        void Add(string code, string name, double relative, string detail) => components.Add(new(code, name, relative, Math.Abs(relative * tdv), detail));

        Add(UncertaintyCodes.Calibration, "Activity calibration", _u.ActivityCalibrationRelative,
            _study.ScaledToAdministered ? "radionuclide calibrator (the map is scaled to the administered activity)" : "PET activity quantification");

        var lambda = Math.Log(2) / _study.HalfLifeS;
        if (_study.ScaledToAdministered)
        {
            Add(UncertaintyCodes.Timing, "Timing", 0, "the map is scaled to the administered activity: the decay from injection to scan cancels");
            Add(UncertaintyCodes.HalfLife, "Half-life", _u.HalfLifeS / _study.HalfLifeS, string.Create(inv, $"u(T1/2) {_u.HalfLifeS:0} s; D proportional to T1/2"));
        }
        else if (_study.InjectionToScanS is { } dt)
        {
            Add(UncertaintyCodes.Timing, "Timing", lambda * _u.TimingS, string.Create(inv, $"u(t) {_u.TimingS:0} s over an injection-to-scan interval of {dt / 3600:0.0} h; dD/D = ln2/T1/2 dt"));
            Add(UncertaintyCodes.HalfLife, "Half-life", Math.Abs(1 - lambda * dt) * _u.HalfLifeS / _study.HalfLifeS,
                string.Create(inv, $"u(T1/2) {_u.HalfLifeS:0} s; dD/D = |1 - ln2 t/T1/2| dT/T1/2"));
        }
        else
        {
            Add(UncertaintyCodes.HalfLife, "Half-life", _u.HalfLifeS / _study.HalfLifeS, string.Create(inv, $"u(T1/2) {_u.HalfLifeS:0} s; injection-to-scan interval unknown"));
        }

        if (_noise.Value is { } noise && _activity is not null && NoiseRelative(noise, mask) is { } n)
            Add(UncertaintyCodes.Noise, "Voxel noise", n.Relative, string.Create(inv,
                $"count-like noise from the perfused region (kappa {noise.Kappa:G3}, {noise.ReferenceVoxels} voxels), correlated over FWHM {noise.Kernel.FwhmMm:0.#} mm: {n.EffectiveVoxels:0.#} independent voxels"));
        else
            Add(UncertaintyCodes.Noise, "Voxel noise", double.NaN, "not estimated (no PET on the dose grid, or too small a perfused region)");

        var (eroded, dilated) = ContourMeans(mask);
        double contourGy;
        string contourDetail;
        if (double.IsFinite(eroded) && double.IsFinite(dilated))
        {
            contourGy = Math.Abs(dilated - eroded) / (2 * Math.Sqrt(3));
            contourDetail = string.Create(inv, $"mean {eroded:0.0} Gy over the contour eroded by one voxel, {dilated:0.0} Gy dilated by one voxel; rectangular: half the range / sqrt 3");
        }
        else
        {
            contourGy = double.IsFinite(dilated) ? Math.Abs(dilated - tdv) / Math.Sqrt(3) : double.NaN;
            contourDetail = string.Create(inv, $"the eroded contour is empty; mean {dilated:0.0} Gy dilated by one voxel against TDv: |difference| / sqrt 3");
        }
        components.Add(new UncertaintyComponent(UncertaintyCodes.Contour, "Contour", tdv != 0 ? contourGy / tdv : double.NaN, contourGy, contourDetail));
        return new DoseUncertainty([.. components.Where(c => double.IsFinite(c.Gy))]);
    }

    /// <summary>
    /// Relative SD of the lesion's weighted mean activity: Var = kappa^2 sum_j C_j (g * u)_j^2 with u = w / sum w, and the
    /// effective number of independent voxels sigma_voxel^2 / Var with sigma_voxel^2 = kappa^2 C sum g^2.
    /// </summary>
    private (double Relative, double EffectiveVoxels)? NoiseRelative(VoxelNoiseModel noise, RoiMask mask)
    {
        var activity = _activity!;
        var k = noise.Kernel;
        var (x0, y0, z0, x1, y1, z1) = Box(mask, Math.Max(k.X.Length, Math.Max(k.Y.Length, k.Z.Length)) / 2);
        int nx = x1 - x0 + 1, ny = y1 - y0 + 1, nz = z1 - z0 + 1;
        var u = new double[nx * ny * nz];
        double sumW = 0, sumWC = 0;
        for (var z = z0; z <= z1; z++)
            for (var y = y0; y <= y1; y++)
                for (var x = x0; x <= x1; x++)
                {
                    var i = activity.Index(x, y, z);
                    var w = mask.Weights.Voxels[i];
                    if (w <= 0) continue;
                    u[(x - x0) + nx * ((y - y0) + ny * (z - z0))] = w;
                    sumW += w;
                    sumWC += w * activity.Voxels[i];
                }
        if (!(sumW > 0)) return null;
        var meanC = sumWC / sumW;
        if (!(meanC > 0)) return null;
        for (var i = 0; i < u.Length; i++) u[i] /= sumW;
        var t = Separable(u, nx, ny, nz, k);
        double variance = 0;
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                {
                    var tv = t[x + nx * (y + ny * z)];
                    if (tv == 0) continue;
                    variance += Math.Max(activity[x + x0, y + y0, z + z0], 0) * tv * tv;
                }
        variance *= noise.Kappa * noise.Kappa;
        if (!(variance > 0)) return null;
        var voxelVariance = noise.Kappa * noise.Kappa * meanC * k.SumOfSquares;
        return (Math.Sqrt(variance) / meanC, voxelVariance / variance);
    }

    /// <summary>Correlates <paramref name="u"/> with the separable kernel (zero outside the box).</summary>
    private static double[] Separable(double[] u, int nx, int ny, int nz, GaussianNoiseKernel k)
    {
        var a = Pass(u, nx, ny, nz, k.X, 1, nx);
        var b = Pass(a, nx, ny, nz, k.Y, nx, ny);
        return Pass(b, nx, ny, nz, k.Z, nx * ny, nz);
    }

    private static double[] Pass(double[] src, int nx, int ny, int nz, double[] kernel, int stride, int length)
    {
        var dst = new double[src.Length];
        var r = kernel.Length / 2;
        for (var i = 0; i < src.Length; i++)
        {
            var v = src[i];
            if (v == 0) continue;
            var pos = i / stride % length;
            for (var d = -r; d <= r; d++)
            {
                var p = pos + d;
                if (p < 0 || p >= length) continue;
                dst[i + d * stride] += v * kernel[d + r];
            }
        }
        return dst;
    }

    /// <summary>Mean dose over the binary contour (weights >= 0.5) eroded and dilated by one voxel (6-neighbourhood).</summary>
    private (double Eroded, double Dilated) ContourMeans(RoiMask mask)
    {
        var g = _doseGy;
        var (x0, y0, z0, x1, y1, z1) = Box(mask, 2);
        var w = mask.Weights.Voxels;
        bool In(int x, int y, int z) => x >= 0 && y >= 0 && z >= 0 && x < g.SizeX && y < g.SizeY && z < g.SizeZ && w[g.Index(x, y, z)] >= 0.5f;
        double sumE = 0, sumD = 0;
        int nE = 0, nD = 0;
        for (var z = z0; z <= z1; z++)
            for (var y = y0; y <= y1; y++)
                for (var x = x0; x <= x1; x++)
                {
                    var self = In(x, y, z);
                    var all = self && In(x - 1, y, z) && In(x + 1, y, z) && In(x, y - 1, z) && In(x, y + 1, z) && In(x, y, z - 1) && In(x, y, z + 1);
                    var any = self || In(x - 1, y, z) || In(x + 1, y, z) || In(x, y - 1, z) || In(x, y + 1, z) || In(x, y, z - 1) || In(x, y, z + 1);
                    var d = g[x, y, z];
                    if (all) { sumE += d; nE++; }
                    if (any) { sumD += d; nD++; }
                }
        return (nE > 0 ? sumE / nE : double.NaN, nD > 0 ? sumD / nD : double.NaN);
    }

    /// <summary>Mean dose over the voxels whose centre lies <paramref name="innerMm"/>-<paramref name="outerMm"/> from the nearest voxel centre of the binary contour, outside every lesion.</summary>
    private double ShellMean(RoiMask mask, double innerMm, double outerMm)
    {
        var g = _doseGy;
        var s = g.SpacingMm;
        var margin = (int)Math.Ceiling(outerMm / Math.Min(s.X, Math.Min(s.Y, s.Z))) + 1;
        var (x0, y0, z0, x1, y1, z1) = Box(mask, margin);
        var w = mask.Weights.Voxels;
        var boundary = new List<(int X, int Y, int Z)>();
        for (var z = z0; z <= z1; z++)
            for (var y = y0; y <= y1; y++)
                for (var x = x0; x <= x1; x++)
                {
                    if (w[g.Index(x, y, z)] < 0.5f) continue;
                    var edge = x == 0 || y == 0 || z == 0 || x == g.SizeX - 1 || y == g.SizeY - 1 || z == g.SizeZ - 1
                        || w[g.Index(x - 1, y, z)] < 0.5f || w[g.Index(x + 1, y, z)] < 0.5f || w[g.Index(x, y - 1, z)] < 0.5f
                        || w[g.Index(x, y + 1, z)] < 0.5f || w[g.Index(x, y, z - 1)] < 0.5f || w[g.Index(x, y, z + 1)] < 0.5f;
                    if (edge) boundary.Add((x, y, z));
                }
        if (boundary.Count == 0) return double.NaN;
        double sum = 0;
        var n = 0;
        double inner2 = innerMm * innerMm, outer2 = outerMm * outerMm;
        for (var z = z0; z <= z1; z++)
            for (var y = y0; y <= y1; y++)
                for (var x = x0; x <= x1; x++)
                {
                    var i = g.Index(x, y, z);
                    if (_lesionVoxels[i] || w[i] > 0) continue;
                    var best = double.MaxValue;
                    foreach (var (bx, by, bz) in boundary)
                    {
                        double dx = (x - bx) * s.X, dy = (y - by) * s.Y, dz = (z - bz) * s.Z;
                        var d2 = dx * dx + dy * dy + dz * dz;
                        if (d2 < best) best = d2;
                        if (best < inner2) break;
                    }
                    if (best < inner2 || best > outer2) continue;
                    sum += g.Voxels[i];
                    n++;
                }
        return n > 0 ? sum / n : double.NaN;
    }

    /// <summary>
    /// The bounding box of the mask's non-zero weights (<see cref="RoiMask.Bounds"/>), grown by <paramref name="margin"/>
    /// voxels and clamped to the grid (the whole grid for the full-grid reference). Empty (x1 &lt; x0) for a mask without weights.
    /// </summary>
    private VoxelBox Box(RoiMask mask, int margin)
    {
        var g = mask.Weights;
        if (_fullGrid) return VoxelBox.All(g);
        var b = mask.Bounds;
        if (b.IsEmpty) return new VoxelBox(0, 0, 0, -1, -1, -1);
        return new VoxelBox(Math.Max(0, b.X0 - margin), Math.Max(0, b.Y0 - margin), Math.Max(0, b.Z0 - margin),
            Math.Min(g.SizeX - 1, b.X1 + margin), Math.Min(g.SizeY - 1, b.Y1 + margin), Math.Min(g.SizeZ - 1, b.Z1 + margin));
    }
}
