using VoxDose.Dosimetry.Accuracy;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Diagnostics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// Applies structure sets to a dose map: matches frames of reference, classifies ROI roles, rasterises with
/// partial-volume weights and computes the metrics. Derives the normal liver (whole liver minus lesions) when no
/// normal-liver ROI is given, and falls back to the perfused region found on the activity map when no ROI applies.
/// </summary>
public sealed class RoiAnalyzer
{
    public const string DerivedNormalLiverName = "Normal liver (derived: liver minus lesions)";

    private readonly MetricsOptions _metrics;
    private readonly RoiRoleClassifier _classifier;
    private readonly ContourRasterOptions _raster;
    private readonly PerfusedRegionOptions _perfused;

    public RoiAnalyzer(MetricsOptions? metrics = null, RoiRoleOptions? roles = null, ContourRasterOptions? raster = null, PerfusedRegionOptions? perfused = null)
    {
        _metrics = metrics ?? new MetricsOptions();
        _metrics.EnsureValid();
        _classifier = new RoiRoleClassifier(roles);
        _raster = raster ?? new ContourRasterOptions();
        _raster.Validate();
        _perfused = perfused ?? new PerfusedRegionOptions();
    }

    /// <summary>The metrics options in use (thresholds of the ROI and study flags).</summary>
    public MetricsOptions Options => _metrics;

    /// <param name="doseGy">The dose map; its Frame of Reference UID decides which structure sets apply.</param>
    /// <param name="activity">The activity map on the same grid (any unit), used for the perfused region; null to skip it.</param>
    /// <param name="structureSets">Every RTSTRUCT offered with the study (none is fine).</param>
    /// <param name="maskSink">Receives each region's mask with its metrics as it is computed (e.g. to export or draw
    /// it); the analyzer itself does not keep the masks.</param>
    /// <param name="accuracy">The study's resolution and timing for the lesion accuracy figures; null: the default resolution, no timing.</param>
    public RoiAnalysisResult Analyze(Volume doseGy, Volume? activity, IReadOnlyList<StructureSet> structureSets,
        Action<RoiMetrics, RoiMask>? maskSink = null, StudyAccuracyInputs? accuracy = null)
    {
        var matches = structureSets.Select(s => StructureSetMatcher.Match(s, doseGy.FrameOfReferenceUid)).ToList();
        var results = new List<RoiMetrics>();
        // Only what the normal-liver derivation needs is kept: the largest liver mask and the sum of lesion weights.
        RoiMask? liver = null;
        float[]? lesionSum = null;
        var hasNormalLiver = false;
        void Add(RoiMetrics metrics, RoiMask mask)
        {
            results.Add(metrics);
            maskSink?.Invoke(metrics, mask);
        }

        // Lesions first: each lesion's background shell leaves out every other lesion.
        var applicable = matches.Where(m => m.Applies).SelectMany(m => m.ApplicableRois)
            .Select(roi => (Roi: roi, Role: _classifier.Classify(roi.Name, roi.InterpretedType))).ToList();
        var lesionMasks = applicable.Where(r => r.Role == RoiRole.Lesion)
            .ToDictionary(r => (object)r.Roi, r => ContourRasterizer.Rasterize(doseGy, r.Roi.Contours, _raster), ReferenceEqualityComparer.Instance);
        var lesionAccuracy = new LesionAccuracyEvaluator(doseGy, activity, _metrics, accuracy ?? StudyAccuracyInputs.Default(_metrics.PartialVolume), lesionMasks.Values);

        foreach (var (roi, role) in applicable)
        {
            RoiMask? mask = lesionMasks.TryGetValue(roi, out var lesionMask) ? lesionMask : null;
            if (mask is null)
            {
                using (StageProfile.Measure("rasterise")) mask = ContourRasterizer.Rasterize(doseGy, roi.Contours, _raster);
            }
            RoiMetrics metrics;
            using (StageProfile.Measure("metrics"))
            {
                metrics = role == RoiRole.Lesion
                    ? lesionAccuracy.Complete(RoiMetricsCalculator.Compute(roi.Name, role, roi.Number, doseGy, mask, _metrics, partialVolume: lesionAccuracy.Assess(mask.VolumeMl)), mask)
                    : RoiMetricsCalculator.Compute(roi.Name, role, roi.Number, doseGy, mask, _metrics);
            }
            Add(metrics with { Notes = mask.Notes, LongestAxialDiameterMm = AxialDiameter.LongestMm(roi.Contours) }, mask);
            if (role == RoiRole.NormalLiver) hasNormalLiver = true;
            if (role == RoiRole.WholeLiver && (liver is null || mask.VolumeMl > liver.VolumeMl)) liver = mask;
            if (role == RoiRole.Lesion) RoiMaskAlgebra.AddTo(lesionSum ??= new float[doseGy.Count], mask, mask);
        }

        using var derivedStage = StageProfile.Measure("metrics");
        if (!hasNormalLiver && liver is not null)
        {
            var normal = RoiMaskAlgebra.Subtract(liver, lesionSum ?? new float[doseGy.Count]);
            var derived = new RoiFlag(RoiFlagCodes.Derived, "Normal liver derived as the whole-liver ROI minus the lesion ROIs (no normal-liver ROI was given).", FlagSources.VoxDose);
            Add(RoiMetricsCalculator.Compute(DerivedNormalLiverName, RoiRole.NormalLiver, null, doseGy, normal, _metrics, [derived]), normal);
        }

        if (results.Count == 0 && activity is not null)
        {
            var mask = PerfusedRegionFinder.Find(activity, _perfused);
            Add(RoiMetricsCalculator.Compute(PerfusedRegionFinder.RegionName, RoiRole.PerfusedRegion, null, doseGy, mask, _metrics) with { Notes = mask.Notes }, mask);
        }
        return new RoiAnalysisResult(results, matches);
    }
}
