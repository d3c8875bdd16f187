using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Planning;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Tests.Pet;

namespace VoxDose.Dosimetry.Tests.Planning;

/// <summary>
/// Consistency: when the Y-90 distribution equals the MAA distribution (same administered activity, no blur, no lung
/// shunt), the partition-model TDp of each lesion equals its LDM mean dose from the Y-90 PET within 1 %.
/// </summary>
public class PlanVersusLdmConsistencyTests
{
    [Fact]
    public void Tdp_equals_the_ldm_mean_of_each_lesion_when_maa_equals_y90()
    {
        var phantom = new PlanningPhantom();
        var counts = phantom.Counts();
        double total = 0;
        foreach (var c in counts.Voxels) total += c;
        const double administeredMBq = 2500;
        // Y-90 concentration at injection (Bq/mL) proportional to the counts, holding the administered activity.
        var y90 = counts.WithSameGeometry();
        for (var i = 0; i < counts.Count; i++) y90.Voxels[i] = (float)(counts.Voxels[i] / total * administeredMBq * 1e6 / counts.VoxelVolumeMl);
        var series = PetSeriesLoader.Load(new SyntheticPetSeries().Build(y90));
        var doseMap = DoseCalculator.Compute(series, new DoseOptions { Method = DoseMethod.Ldm });
        var delivered = new RoiAnalyzer().Analyze(doseMap.DoseGy, null, [PlanningPhantom.Structures(lungs: false)]);

        var plan = new TreatmentPlanner(new PlanningOptions { AdministeredActivityMBq = administeredMBq, LungShuntFraction = 0 })
            .Plan(counts, [PlanningPhantom.Structures(lungs: false)], maxDegreeOfParallelism: 1);

        foreach (var name in new[] { "Lesion A", "Lesion B" })
        {
            var tdv = delivered.Rois.Single(r => r.Name == name).MeanGy;
            var tdp = plan.Rois.Single(r => r.Name == name).PartitionDoseGy!.Value;
            Assert.InRange(tdp / tdv, 0.99, 1.01);
            Assert.InRange(plan.Rois.Single(r => r.Name == name).PredictedLdmMeanGy!.Value / tdv, 0.99, 1.01);
        }
    }
}
