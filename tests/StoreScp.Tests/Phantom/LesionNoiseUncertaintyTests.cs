using VoxDose.Dosimetry.Accuracy;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Decay;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;
using VoxDose.StoreScp.Phantom;
using Xunit.Abstractions;

namespace VoxDose.StoreScp.Tests.Phantom;

/// <summary>
/// The voxel-noise component of the lesion uncertainty against the spread of TDv over many noise realisations of one
/// phantom: the realisations are the oracle (Gear et al., EJNMMI 2018: noise by repeated measurement).
/// </summary>
public class LesionNoiseUncertaintyTests(ITestOutputHelper output)
{
    private const string Frame = "1.2.826.0.1.3680043.10.1.90";

    [Fact]
    public void Spread_of_tdv_over_50_noise_realisations_is_within_a_factor_1_5_of_the_reported_noise_component()
    {
        // The phantom's anatomy on a coarser, smaller grid (4.07 mm in-plane, 4.054 mm slices, 80 x 80 x 40): seconds per realisation.
        var spec = new PhantomSpec { Columns = 80, Rows = 80, Slices = 40, SliceSpacingMm = 4.054 };
        var volumes = PhantomBuilder.Build(spec);
        var blurred = PhantomBuilder.BlurredAtScan(spec, volumes.TrueActivityBqPerMlAtInjection);
        var structureSet = StructureSetOf(spec);
        // The phantom adds its noise after the resolution blur: only its 5 mm post-filter correlates the noise.
        var metrics = new MetricsOptions { PartialVolume = new PartialVolumeOptions { NoiseCorrelationFwhmMm = spec.PostFilterFwhmMm } };
        var analyzer = new RoiAnalyzer(metrics);

        var tdv = new Dictionary<string, List<double>>();
        var reported = new Dictionary<string, List<double>>();
        for (var seed = 1; seed <= 50; seed++)
        {
            var pet = PhantomBuilder.Scan(spec with { Seed = seed }, blurred, volumes.Truth.NormalLiverConcentrationBqPerMlAtInjection);
            var series = new PetSeries
            {
                ActivityBqPerMl = new Volume(pet.SizeX, pet.SizeY, pet.SizeZ, pet.SpacingMm, pet.OriginMm, frameOfReferenceUid: Frame, voxels: pet.Voxels),
                Header = Header(spec),
            };
            var dose = DoseCalculator.Compute(series, new DoseOptions { Method = DoseMethod.Ldm });
            var result = analyzer.Analyze(dose.DoseGy, series.ActivityBqPerMl, [structureSet],
                accuracy: new StudyAccuracyInputs(10, "test", dose.Decay.InjectionToAcquisitionS, dose.Y90.HalfLifeUsedS, false));
            foreach (var lesion in result.Rois.Where(r => r.Role == RoiRole.Lesion))
            {
                (tdv.TryGetValue(lesion.Name, out var t) ? t : tdv[lesion.Name] = []).Add(lesion.MeanGy);
                (reported.TryGetValue(lesion.Name, out var u) ? u : reported[lesion.Name] = []).Add(lesion.Uncertainty![UncertaintyCodes.Noise]!.Gy);
            }
        }

        Assert.Equal(4, tdv.Count);
        foreach (var (name, values) in tdv)
        {
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            var noise = reported[name].Average();
            output.WriteLine($"{name}: TDv {mean:F1} Gy, SD over 50 realisations {sd:F2} Gy, reported noise component {noise:F2} Gy, ratio {sd / noise:F2}");
            Assert.InRange(sd / noise, 1 / 1.5, 1.5);
        }
    }

    private static StructureSet StructureSetOf(PhantomSpec spec)
    {
        var contours = PhantomContours.Build(spec);
        var rois = spec.Regions.Where(r => r.Contoured).Select((region, i) => new StructureSetRoi
        {
            Number = i + 1,
            Name = region.Name,
            InterpretedType = region.Kind == "lesion" ? "GTV" : "ORGAN",
            ReferencedFrameOfReferenceUid = Frame,
            Contours = [.. contours.Where(c => c.RoiName == region.Name).Select(c => Contour.Closed(c.PointsMm))],
        }).Where(r => r.Contours.Count > 0).ToList();
        return new StructureSet { Label = "PHANTOM", FrameOfReferenceUids = [Frame], Rois = rois };
    }

    private static PetAcquisitionHeader Header(PhantomSpec spec) => new()
    {
        Units = "BQML",
        DecayCorrection = "START",
        SeriesDateTime = spec.AcquisitionDateTime,
        EarliestAcquisitionDateTime = spec.AcquisitionDateTime,
        InjectionDateTime = spec.InjectionDateTime,
        RadionuclideHalfLifeS = 230580,
        RadionuclideCodeValue = "14691008",
        RadionuclideCodingScheme = "SCT",
    };
}
