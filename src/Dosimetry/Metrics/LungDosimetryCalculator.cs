using System.Globalization;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Ct;
using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// Lung mass, lung dose and the PET-measured lung shunt fraction from the lung ROIs (their union, so a "Lungs" ROI beside
/// "Lung Left" and "Lung Right" is not counted twice). With a CT, the mass is integrated on the CT's own grid (the lung
/// contours rasterised on it, each CT voxel's density from the calibration): finer than the dose grid, so the lung edge
/// does not mix in the chest wall's mass. Without one, soft tissue (1.04 g/mL) is assumed and said so.
/// </summary>
public static class LungDosimetryCalculator
{
    public const string DoseMethod =
        "EANM 2022: D_lung = A_lung [GBq] x 49.76 Gy kg/GBq / M_lung [kg] (VoxDose's one LDM constant), A_lung measured on the PET in the lung ROIs";

    /// <param name="lungs">The lung ROIs with their masks on the dose grid.</param>
    /// <param name="activityAtInjectionBqPerMl">The PET decay-corrected to injection, on the dose grid.</param>
    /// <param name="totalActivityAtInjectionMBq">Activity in the whole PET field of view at injection (the shunt's denominator).</param>
    /// <param name="scale">The factor the dose applied to the PET's activity (scaling to the administered activity; 1 without).</param>
    /// <returns>Null when there is no lung ROI.</returns>
    public static LungDosimetry? Compute(IReadOnlyList<(RoiMetrics Metrics, RoiMask Mask)> lungs, IReadOnlyList<StructureSetMatch> structureSets,
        Volume activityAtInjectionBqPerMl, double totalActivityAtInjectionMBq, double scale, CtDensity? ct, ContourRasterOptions? raster = null)
    {
        if (lungs.Count == 0) return null;
        var grid = activityAtInjectionBqPerMl;
        // The lungs' weights are 0 outside their masks' bounds: the union and the sums visit the union of the boxes, row
        // by row in the grid's order (the voxels a whole-grid pass would add, in the same order).
        var union = new float[grid.Count];
        var box = VoxelBox.Empty;
        foreach (var (_, mask) in lungs)
        {
            var w = mask.Weights.Voxels;
            var b = mask.Bounds;
            box = box.Union(b);
            foreach (var row in b.Rows(grid))
                for (var i = row.First; i <= row.Last; i++) if (w[i] > union[i]) union[i] = w[i];
        }
        double activityBq = 0, weightSum = 0;
        foreach (var row in box.Rows(grid))
            for (var i = row.First; i <= row.Last; i++)
            {
                if (union[i] <= 0) continue;
                activityBq += union[i] * (double)grid.Voxels[i];
                weightSum += union[i];
            }
        activityBq *= grid.VoxelVolumeMl;
        var volumeMl = weightSum * grid.VoxelVolumeMl;

        double massKg;
        string massSource;
        var contours = ct?.Ct is null ? null : ContoursOf(lungs, structureSets);
        if (ct?.Ct is { } series && contours is not null)
        {
            var ctUnion = new float[series.Hu.Count];
            foreach (var roi in contours)
            {
                var w = ContourRasterizer.Rasterize(series.Hu, roi, raster).Weights.Voxels;
                for (var i = 0; i < ctUnion.Length; i++) if (w[i] > ctUnion[i]) ctUnion[i] = w[i];
            }
            double grams = 0;
            for (var i = 0; i < ctUnion.Length; i++)
                if (ctUnion[i] > 0) grams += ctUnion[i] * ct.Calibration.DensityGPerMl(series.Hu.Voxels[i]);
            massKg = grams * series.Hu.VoxelVolumeMl / 1000.0;
            massSource = $"CT density (CT series {series.SeriesInstanceUid}), lung contours integrated on the CT grid";
        }
        else if (ct?.Map is { } map)
        {
            double grams = 0;
            foreach (var row in box.Rows(grid))
                for (var i = row.First; i <= row.Last; i++) if (union[i] > 0) grams += union[i] * (double)map.DensityGPerMl.Voxels[i];
            massKg = grams * grid.VoxelVolumeMl / 1000.0;
            massSource = $"CT density averaged on the dose grid ({map.Source})";
        }
        else
        {
            massKg = volumeMl * Y90Constants.SoftTissueDensityGPerCm3 / 1000.0;
            massSource = DensityProvenance.SoftTissueAssumed + " (no CT): real lung is about 0.3 g/mL, so this mass is about 3 times too high and the lung dose about 3 times too low";
        }

        var activityAtInjectionMBq = activityBq * 1e-6;
        var forDoseMBq = activityAtInjectionMBq * scale;
        return new LungDosimetry
        {
            RoiNames = [.. lungs.Select(l => l.Metrics.Name)],
            VolumeMl = volumeMl,
            MassKg = massKg,
            MassSource = massSource,
            ActivityAtInjectionMBq = activityAtInjectionMBq,
            ActivityForDoseMBq = forDoseMBq,
            DoseGy = massKg > 0 ? forDoseMBq * 1e-3 * Y90Constants.LdmConstantGyKgPerGBq / massKg : double.NaN,
            DoseMethod = DoseMethod,
            PetLungShuntFraction = totalActivityAtInjectionMBq > 0 ? activityAtInjectionMBq / totalActivityAtInjectionMBq : double.NaN,
        };
    }

    /// <summary>The contours of each lung ROI, or null when one has none (a derived region): then the dose-grid masks are used.</summary>
    private static List<IReadOnlyList<Contour>>? ContoursOf(IReadOnlyList<(RoiMetrics Metrics, RoiMask Mask)> lungs, IReadOnlyList<StructureSetMatch> structureSets)
    {
        var list = new List<IReadOnlyList<Contour>>();
        foreach (var (metrics, _) in lungs)
        {
            var roi = structureSets.Where(s => s.Applies).SelectMany(s => s.ApplicableRois)
                .FirstOrDefault(r => r.Number == metrics.RoiNumber && r.Name == metrics.Name);
            if (roi is null) return null;
            list.Add(roi.Contours);
        }
        return list;
    }

    /// <summary>A one-line summary for notes and logs.</summary>
    public static string Summary(LungDosimetry lung) => string.Create(CultureInfo.InvariantCulture,
        $"Lungs ({string.Join(", ", lung.RoiNames)}): mass {lung.MassKg:0.###} kg ({lung.MassSource}), dose {lung.DoseGy:0.##} Gy, PET lung shunt fraction {100 * lung.PetLungShuntFraction:0.##} %");
}
