using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// Keeps the masks <see cref="RoiAnalyzer.Analyze"/> computed, keyed by the very <see cref="RoiMetrics"/> instance they
/// belong to, so the reports draw exactly the regions the metrics were computed on (same rasteriser options, same
/// perfused-region threshold) without rasterising them a second time. Pass <see cref="Sink"/> as the mask sink.
/// </summary>
public sealed class RoiMaskCollector
{
    private readonly Dictionary<RoiMetrics, RoiMask> _masks = new(ReferenceEqualityComparer.Instance);
    private readonly Action<RoiMetrics, RoiMask>? _next;

    /// <param name="next">Another sink to call as well (e.g. writing each mask to a file).</param>
    public RoiMaskCollector(Action<RoiMetrics, RoiMask>? next = null) => _next = next;

    public IReadOnlyDictionary<RoiMetrics, RoiMask> Masks => _masks;

    public void Sink(RoiMetrics metrics, RoiMask mask)
    {
        _masks[metrics] = mask;
        _next?.Invoke(metrics, mask);
    }
}
