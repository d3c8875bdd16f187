using System.Globalization;
using System.Text.RegularExpressions;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Convolution;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Kernels;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Planning;

/// <summary>
/// Plans a Y-90 treatment from a Tc-99m MAA SPECT in counts (no calibration: only count ratios matter) and its
/// structure set: lung shunt fraction, per-lesion tumour-to-normal ratio, partition-model doses (Ho 1996), the
/// single-compartment dose (glass), the BSA activity (resin), the prescription within the EANM 2022 limits, and the
/// predicted voxel dose (the MAA distribution scaled to the planned activity, LDM and VSV) with a DVH per ROI.
/// Without a liver or perfused-territory ROI, or without a lung shunt fraction, it lists every ROI's volume and counts
/// fraction and says why no partition dose was computed; it never guesses.
/// </summary>
public sealed class TreatmentPlanner
{
    private readonly PlanningOptions _options;
    private readonly RoiRoleClassifier _classifier;
    private readonly Regex[] _perfused;

    public TreatmentPlanner(PlanningOptions? options = null, RoiRoleOptions? roles = null)
    {
        _options = options ?? new PlanningOptions();
        var errors = _options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid planning options: " + string.Join(" ", errors), nameof(options));
        _classifier = new RoiRoleClassifier(roles);
        _perfused = [.. _options.PerfusedTerritoryPatterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
    }

    /// <param name="countsMaa">The MAA SPECT in counts per voxel; its Frame of Reference UID decides which structure sets apply.</param>
    /// <param name="planar">Counts of lung and liver ROIs on planar views, when available.</param>
    /// <param name="bodySurfaceAreaM2">Body surface area from the patient's size and weight, when known (the options' value wins).</param>
    public TreatmentPlan Plan(Volume countsMaa, IReadOnlyList<StructureSet> structureSets, PlanarLungShuntCounts? planar = null,
        double? bodySurfaceAreaM2 = null, int maxDegreeOfParallelism = -1)
    {
        var notes = new List<string>();
        var counts = countsMaa.WithSameGeometry((float[])countsMaa.Voxels.Clone());
        var negative = 0;
        for (var i = 0; i < counts.Count; i++)
            if (counts.Voxels[i] < 0) { counts.Voxels[i] = 0; negative++; }
        if (negative > 0) notes.Add($"{negative} voxels with negative counts set to 0");
        double totalCounts = 0;
        foreach (var c in counts.Voxels) totalCounts += c;
        if (!(totalCounts > 0)) throw new DoseInputException("The MAA SPECT holds no positive counts: nothing to plan from.");
        var density = Y90Constants.SoftTissueDensityGPerCm3;

        var matches = structureSets.Select(s => StructureSetMatcher.Match(s, counts.FrameOfReferenceUid)).ToList();
        var regions = new List<Region>();
        foreach (var match in matches.Where(m => m.Applies))
            foreach (var roi in match.ApplicableRois)
            {
                var mask = ContourRasterizer.Rasterize(counts, roi.Contours);
                regions.Add(new Region(roi.Name, RoleOf(roi), roi.Number, mask, Sum(counts, mask), mask.Notes));
            }
        foreach (var match in matches.Where(m => !m.Applies)) notes.Add($"Structure set {match.StructureSet.Source ?? match.StructureSet.SopInstanceUid}: {match.Reason}");

        var lesions = regions.Where(r => r.Role == PlanRoiRole.Lesion).ToList();
        var perfused = regions.Where(r => r.Role == PlanRoiRole.PerfusedTerritory).MaxBy(r => r.Mask.VolumeMl);
        var liver = regions.Where(r => r.Role == PlanRoiRole.WholeLiver).MaxBy(r => r.Mask.VolumeMl);
        var lungs = regions.Where(r => r.Role == PlanRoiRole.Lung).ToList();
        var territory = perfused ?? liver;
        if (territory is not null && perfused is null) notes.Add($"No perfused-territory ROI: the whole liver \"{liver!.Name}\" is taken as the perfused volume");

        Region? perfusedNormal = null, wholeNormal = null, tumour = null;
        if (territory is not null)
        {
            var lesionMasks = lesions.Select(l => l.Mask).ToList();
            var pn = RoiMaskAlgebra.Subtract(territory.Mask, lesionMasks);
            perfusedNormal = new Region(perfused is null ? "Normal liver (derived: liver minus lesions)" : "Perfused normal liver (derived: perfused territory minus lesions)",
                PlanRoiRole.PerfusedNormalLiver, null, pn, Sum(counts, pn), []);
            regions.Add(perfusedNormal);
            if (liver is not null && perfused is not null)
            {
                var wn = RoiMaskAlgebra.Subtract(liver.Mask, lesionMasks);
                wholeNormal = new Region("Whole normal liver (derived: liver minus lesions)", PlanRoiRole.WholeNormalLiver, null, wn, Sum(counts, wn), []);
                regions.Add(wholeNormal);
            }
            if (lesions.Count > 0)
            {
                var sum = new float[counts.Count];
                foreach (var l in lesions) RoiMaskAlgebra.AddTo(sum, l.Mask, l.Mask);
                for (var i = 0; i < sum.Length; i++) sum[i] = Math.Min(1f, sum[i]);
                var tm = new RoiMask(counts.WithSameGeometry(sum));
                tumour = new Region("All lesions", PlanRoiRole.Lesion, null, tm, Sum(counts, tm), []);
            }
        }

        // Lung shunt fraction and where it comes from.
        double? lsf = null;
        var lsfSource = "none";
        var lungCounts = lungs.Sum(l => l.Counts);
        double? spectLsf = lungs.Count > 0 && territory is not null ? PartitionModel.LungShuntFraction(lungCounts, territory.Counts) : null;
        if (_options.LungShuntFraction is { } given) { lsf = given; lsfSource = "given"; }
        else if (spectLsf is { } s) { lsf = s; lsfSource = "SPECT/CT lung and liver ROIs"; }
        else if (planar is not null) { lsf = planar.LungShuntFraction; lsfSource = "planar geometric mean"; }
        if (spectLsf is { } sl && lsfSource != "SPECT/CT lung and liver ROIs") notes.Add(F($"SPECT/CT lung shunt fraction {sl:P2} (not used: {lsfSource} wins)"));
        if (planar is not null && lsfSource != "planar geometric mean") notes.Add(F($"Planar geometric-mean lung shunt fraction {planar.LungShuntFraction:P2} (not used: {lsfSource} wins)"));

        string? reason = null;
        if (territory is null)
            reason = "No liver or perfused-territory ROI applies to the SPECT (a lung or bronchial case, or an RTSTRUCT on another frame of reference): "
                + "the partition model needs the liver-side compartment, so no partition dose was computed.";
        else if (!(territory.Counts > 0))
            reason = $"The liver-side ROI \"{territory.Name}\" holds no counts: no partition dose can be computed.";
        else if (lsf is null)
            reason = "No lung shunt fraction: no lung ROI on the SPECT/CT, no planar views, and none given (--lsf or Planning:LungShuntFraction); no partition dose was computed.";

        var glass = _options.Decision.Microspheres == MicrosphereType.Glass;
        Prescription? prescription = null;
        double? administered = _options.AdministeredActivityMBq;
        string? administeredSource = administered is null ? null : "given";
        if (reason is null)
        {
            var f = lsf!.Value;
            var cl = territory!.Counts;
            var limitRegion = glass ? wholeNormal ?? perfusedNormal! : perfusedNormal!;
            var liverLimitGy = _options.Decision.NormalLiverLimitGy;
            var lungLimitGy = _options.Decision.LungLimitPerSessionGy;
            var liverLimitGBq = limitRegion.Counts > 0 && limitRegion.Mask.VolumeMl > 0
                ? PartitionModel.ActivityForCompartmentDoseGBq(liverLimitGy, f, limitRegion.Counts / cl, MassKg(limitRegion, density))
                : double.PositiveInfinity;
            var lungLimitGBq = PartitionModel.ActivityForLungDoseGBq(lungLimitGy, f, _options.LungMassKg);
            if (tumour is not null && tumour.Counts > 0)
            {
                var targetGBq = PartitionModel.ActivityForCompartmentDoseGBq(_options.TargetTumourGy, f, tumour.Counts / cl, MassKg(tumour, density));
                var chosen = Math.Min(targetGBq, Math.Min(liverLimitGBq, lungLimitGBq));
                var binding = chosen >= targetGBq ? "none" : liverLimitGBq <= lungLimitGBq ? "normalLiver" : "lung";
                prescription = new Prescription
                {
                    TargetTumourGy = _options.TargetTumourGy,
                    ActivityMBq = chosen * 1000,
                    BindingLimit = binding,
                    TargetActivityMBq = targetGBq * 1000,
                    NormalLiverLimitActivityMBq = liverLimitGBq * 1000,
                    LungLimitActivityMBq = lungLimitGBq * 1000,
                    NormalLiverLimitGy = liverLimitGy,
                    LungLimitGy = lungLimitGy,
                    NormalLiverCompartment = limitRegion.Name,
                    AchievedTumourGy = PartitionModel.CompartmentDoseGy(chosen, f, tumour.Counts / cl, MassKg(tumour, density)),
                };
                if (administered is null) { administered = prescription.ActivityMBq; administeredSource = "prescribed"; }
            }
            else notes.Add("No lesion ROI with counts: no tumour target, so no prescription" + (administered is null ? " and no administered activity to compute doses with (give --administered-mbq)" : ""));
        }

        double? bsaMBq = null;
        var bsa = _options.BodySurfaceAreaM2 ?? bodySurfaceAreaM2;
        if (!glass && bsa is { } b && (liver ?? territory) is { } whole && whole.Mask.VolumeMl > 0)
        {
            var involvement = (tumour?.Mask.VolumeMl ?? 0) / whole.Mask.VolumeMl;
            bsaMBq = PartitionModel.BsaActivityGBq(b, involvement) * 1000;
            notes.Add(F($"BSA method: BSA {b:0.00} m2, tumour involvement {involvement:P1} of \"{whole.Name}\""));
        }

        var rois = new List<PlanRoi>();
        Volume? vsv = null, ldm = null;
        string? kernelDescription = null;
        double? normalGy = null, wholeNormalGy = null, lungGy = null, tumourGy = null, singleGy = null;
        if (reason is null && administered is { } aMBq)
        {
            var f = lsf!.Value;
            var cl = territory!.Counts;
            var aGBq = aMBq / 1000;
            normalGy = PartitionModel.CompartmentDoseGy(aGBq, f, perfusedNormal!.Counts / cl, MassKg(perfusedNormal, density));
            if (wholeNormal is not null) wholeNormalGy = PartitionModel.CompartmentDoseGy(aGBq, f, wholeNormal.Counts / cl, MassKg(wholeNormal, density));
            lungGy = PartitionModel.LungDoseGy(aGBq, f, _options.LungMassKg);
            if (tumour is not null && tumour.Counts > 0) tumourGy = PartitionModel.CompartmentDoseGy(aGBq, f, tumour.Counts / cl, MassKg(tumour, density));
            if (glass) singleGy = PartitionModel.SingleCompartmentDoseGy(aGBq, f, MassKg(territory, density));

            // Predicted voxel dose: A_voxel = A (1 - LSF) c_voxel / C_liver-side, fully decayed in place.
            var cumulated = counts.WithSameGeometry();
            var factor = aMBq * (1 - f) / cl * Y90Constants.MeanLifeS;
            for (var i = 0; i < counts.Count; i++) cumulated.Voxels[i] = (float)(counts.Voxels[i] * factor);
            ldm = DoseCalculator.LocalDeposition(cumulated, density);
            var kernel = KernelCache.GetY90(cumulated.SpacingMm, density);
            vsv = cumulated.WithSameGeometry(FftConvolver.Convolve(cumulated.Voxels, cumulated.SizeX, cumulated.SizeY, cumulated.SizeZ, kernel, 1e-3, maxDegreeOfParallelism));
            kernelDescription = kernel.Description;
            if (lsfSource != "SPECT/CT lung and liver ROIs" && lungs.Count > 0)
                notes.Add("The predicted map scales every voxel by the liver-side counts: lung voxels follow the SPECT counts, not the given/planar lung shunt fraction");
        }

        foreach (var r in regions)
        {
            double? tn = null, partition = null, predicted = null, predictedLdm = null;
            RoiMetrics? metrics = null;
            var massKg = MassKg(r, density);
            var liverSide = r.Role is not (PlanRoiRole.Lung or PlanRoiRole.Other);
            if (r.Role == PlanRoiRole.Lesion && perfusedNormal is { Counts: > 0 } pn && massKg > 0)
                tn = (r.Counts / massKg) / (pn.Counts / MassKg(pn, density));
            if (reason is null && administered is { } a)
            {
                if (liverSide && massKg > 0) partition = PartitionModel.CompartmentDoseGy(a / 1000, lsf!.Value, r.Counts / territory!.Counts, massKg);
                else if (r.Role == PlanRoiRole.Lung) partition = PartitionModel.LungDoseGy(a / 1000, lsf!.Value, _options.LungMassKg);
                if (vsv is not null && ldm is not null && !r.Mask.IsEmpty)
                {
                    metrics = RoiMetricsCalculator.Compute(r.Name, ResultRole(r.Role), r.Number, vsv, r.Mask, _options.Metrics);
                    predicted = metrics.MeanGy;
                    predictedLdm = WeightedDoseDistribution.From(ldm, r.Mask).MeanGy;
                }
            }
            rois.Add(new PlanRoi
            {
                Name = r.Name,
                Role = r.Role,
                RoiNumber = r.Number,
                VolumeMl = r.Mask.VolumeMl,
                MassKg = massKg,
                CountsFraction = r.Counts / totalCounts,
                TumourToNormal = tn,
                PartitionDoseGy = partition,
                PredictedMeanGy = predicted,
                PredictedLdmMeanGy = predictedLdm,
                Predicted = metrics,
                Notes = r.Notes,
            });
        }
        if (regions.Any(r => r.Role == PlanRoiRole.Lung)) notes.Add(F($"Lung dose uses a lung mass of {_options.LungMassKg:0.###} kg (Ho 1996 convention), not the ROI's soft-tissue mass"));

        return new TreatmentPlan
        {
            Microspheres = _options.Decision.Microspheres,
            LungShuntFraction = lsf,
            LungShuntSource = lsfSource,
            AdministeredActivityMBq = reason is null ? administered : _options.AdministeredActivityMBq,
            AdministeredActivitySource = reason is null ? administeredSource : _options.AdministeredActivityMBq is null ? null : "given",
            Prescription = prescription,
            NormalLiverGy = normalGy,
            WholeNormalLiverGy = wholeNormalGy ?? (perfused is null ? normalGy : null),
            LungGy = lungGy,
            TumourGy = tumourGy,
            SingleCompartmentGy = singleGy,
            BsaActivityMBq = bsaMBq,
            NoPartitionReason = reason,
            Rois = rois,
            StructureSets = matches,
            PredictedDoseGy = vsv,
            PredictedLdmDoseGy = ldm,
            KernelDescription = kernelDescription,
            Notes = notes,
        };
    }

    private PlanRoiRole RoleOf(StructureSetRoi roi)
    {
        if (_perfused.Any(p => p.IsMatch(roi.Name ?? ""))) return PlanRoiRole.PerfusedTerritory;
        return _classifier.Classify(roi.Name ?? "", roi.InterpretedType) switch
        {
            RoiRole.Lesion => PlanRoiRole.Lesion,
            RoiRole.WholeLiver => PlanRoiRole.WholeLiver,
            RoiRole.NormalLiver => PlanRoiRole.NormalLiver,
            RoiRole.Lung => PlanRoiRole.Lung,
            _ => PlanRoiRole.Other,
        };
    }

    private static RoiRole ResultRole(PlanRoiRole role) => role switch
    {
        PlanRoiRole.Lesion => RoiRole.Lesion,
        PlanRoiRole.WholeLiver => RoiRole.WholeLiver,
        PlanRoiRole.NormalLiver or PlanRoiRole.PerfusedNormalLiver or PlanRoiRole.WholeNormalLiver => RoiRole.NormalLiver,
        PlanRoiRole.Lung => RoiRole.Lung,
        PlanRoiRole.PerfusedTerritory => RoiRole.PerfusedRegion,
        _ => RoiRole.Other,
    };

    private static double MassKg(Region r, double densityGPerCm3) => r.Mask.VolumeMl * densityGPerCm3 / 1000.0;

    private static double Sum(Volume counts, RoiMask mask)
    {
        double sum = 0;
        var w = mask.Weights.Voxels;
        var c = counts.Voxels;
        for (var i = 0; i < w.Length; i++) if (w[i] > 0) sum += w[i] * c[i];
        return sum;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Region(string Name, PlanRoiRole Role, int? Number, RoiMask Mask, double Counts, IReadOnlyList<string> Notes);
}
