using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>Computes <see cref="RoiMetrics"/> of one ROI from a dose map (Gy) and the ROI's partial-volume mask on the same grid.</summary>
public static class RoiMetricsCalculator
{
    public static RoiMetrics Compute(string name, RoiRole role, int? roiNumber, Volume doseGy, RoiMask mask, MetricsOptions options,
        IEnumerable<RoiFlag>? extraFlags = null, PartialVolumeAssessment? partialVolume = null)
    {
        options.EnsureValid();
        var distribution = WeightedDoseDistribution.From(doseGy, mask);
        var volumeMl = mask.VolumeMl;
        var radiobiology = options.Radiobiology.For(role);
        var flags = new List<RoiFlag>(extraFlags ?? []);
        if (distribution.IsEmpty)
            flags.Add(new RoiFlag(RoiFlagCodes.EmptyRoi, "The ROI covers no voxel of the dose grid: no dose statistics.", FlagSources.VoxDose));
        if (mask.ExtendsBeyondGrid)
            flags.Add(new RoiFlag(RoiFlagCodes.PartlyOutsideDoseGrid,
                "Part of the ROI lies outside the dose grid: volume and statistics cover only the part inside.", FlagSources.VoxDose));

        var metrics = new RoiMetrics
        {
            Name = name,
            Role = role,
            RoiNumber = roiNumber,
            VolumeMl = volumeMl,
            MeanGy = distribution.MeanGy,
            SdGy = distribution.SdGy,
            Cov = distribution.Cov,
            MinGy = distribution.MinGy,
            MaxGy = distribution.MaxGy,
            MedianGy = distribution.MedianGy,
            DxGy = options.DxPercents.Distinct().ToDictionary(x => x, x => distribution.DoseCoveringPercent(x)),
            VxPercent = options.VxThresholdsGy.Distinct().ToDictionary(y => y, y => distribution.PercentReceivingAtLeast(y)),
            BedGy = distribution.WeightedMean(d => PermanentImplantBed.BedGy(d, radiobiology, options.Radiobiology.PhysicalHalfLifeH)),
            EudGy = distribution.GeneralisedEud(radiobiology.GeudA),
            Dvh = distribution.CumulativeDvh(options.DvhBinWidthGy, options.DvhMaxPoints),
            PartialVolume = partialVolume,
        };
        flags.AddRange(DecisionSupport.Evaluate(role, metrics.MeanGy, volumeMl, metrics.EquivalentDiameterMm, options.Decision, partialVolume));
        return metrics with { Flags = flags };
    }
}
