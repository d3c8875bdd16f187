using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Planning;

namespace VoxDose.Dosimetry.Tests.Planning;

/// <summary>
/// The plan against the closed formulas of Ho et al. 1996 on an analytic phantom (uniform compartments, known counts,
/// masses and LSF). The constant is written here as the literal 49.76 Gy kg/GBq (VoxDose's one LDM constant, T1/2/ln2 x 0.9336 MeV;
/// EANM 2022 quotes 49.67), independent of the code.
/// </summary>
public class PartitionModelTests
{
    private const double K = 49.76;
    private const double Tolerance = 1e-3; // 0.1 %

    private static readonly int LiverVoxels = PlanningPhantom.Voxels(PlanningPhantom.Liver);
    private static readonly int AVoxels = PlanningPhantom.Voxels(PlanningPhantom.LesionA);
    private static readonly int BVoxels = PlanningPhantom.Voxels(PlanningPhantom.LesionB);
    private static readonly int NormalVoxels = LiverVoxels - AVoxels - BVoxels;

    private static TreatmentPlan Plan(PlanningPhantom phantom, PlanningOptions options, bool liver = true, bool lungs = true) =>
        new TreatmentPlanner(options).Plan(phantom.Counts(), [PlanningPhantom.Structures(liver, lungs)], maxDegreeOfParallelism: 1);

    private static void Near(double expected, double? actual, string what) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) <= Tolerance * Math.Abs(expected), $"{what}: expected {expected}, got {actual}");

    [Fact]
    public void Doses_match_the_Ho_1996_formulas_within_0_1_percent()
    {
        var phantom = new PlanningPhantom { LungCounts = 1 };
        var plan = Plan(phantom, new PlanningOptions { AdministeredActivityMBq = 2000, LungShuntFraction = 0.1 });

        var aGBq = 2.0; var lsf = 0.1;
        var tnA = phantom.LesionACounts / phantom.NormalCounts;
        var tnB = phantom.LesionBCounts / phantom.NormalCounts;
        var mA = AVoxels * PlanningPhantom.VoxelMassKg;
        var mB = BVoxels * PlanningPhantom.VoxelMassKg;
        var mN = NormalVoxels * PlanningPhantom.VoxelMassKg;
        // Ho 1996 with two tumour compartments: D_N = k A (1 - LSF) / (T/N_A M_A + T/N_B M_B + M_N); D_T = T/N D_N.
        var normal = K * aGBq * (1 - lsf) / (tnA * mA + tnB * mB + mN);
        Assert.Equal("given", plan.LungShuntSource);
        Assert.Equal("given", plan.AdministeredActivitySource);
        Near(normal, plan.NormalLiverGy, "normal liver");
        Near(normal, plan.WholeNormalLiverGy, "whole normal liver (= perfused: no territory ROI)");
        Near(K * aGBq * lsf / 1.0, plan.LungGy, "lungs (1 kg)");
        var lesionA = plan.Rois.Single(r => r.Name == "Lesion A");
        var lesionB = plan.Rois.Single(r => r.Name == "Lesion B");
        Near(tnA, lesionA.TumourToNormal, "T/N A");
        Near(tnB, lesionB.TumourToNormal, "T/N B");
        Near(tnA * normal, lesionA.PartitionDoseGy, "TDp A");
        Near(tnB * normal, lesionB.PartitionDoseGy, "TDp B");
        Near(mA, lesionA.MassKg, "mass A");
        Near(AVoxels * 0.216, lesionA.VolumeMl, "volume A");
        Assert.Equal(PlanRoiRole.Lung, plan.Rois.Single(r => r.Name == "Lungs").Role);
        Near(K * aGBq * lsf, plan.Rois.Single(r => r.Name == "Lungs").PartitionDoseGy, "lung ROI");
        // The predicted maps hold the planned liver-side activity: the LDM mean of the uniform normal liver away from
        // the lesions equals the partition dose (one LDM constant for both).
        var normalRoi = plan.Rois.Single(r => r.Role == PlanRoiRole.PerfusedNormalLiver);
        Assert.InRange(normalRoi.PredictedLdmMeanGy!.Value / normal, 0.999, 1.001);
        Assert.NotEmpty(lesionA.Dvh);
    }

    [Fact]
    public void Lung_shunt_from_the_SPECT_CT_rois_is_lungs_over_lungs_plus_liver()
    {
        var phantom = new PlanningPhantom { LungCounts = 1 };
        var plan = Plan(phantom, new PlanningOptions { AdministeredActivityMBq = 1500 });
        var liverCounts = phantom.NormalCounts * NormalVoxels + phantom.LesionACounts * AVoxels + phantom.LesionBCounts * BVoxels;
        var lungCounts = phantom.LungCounts * PlanningPhantom.Voxels(PlanningPhantom.Lungs);
        Assert.Equal("SPECT/CT lung and liver ROIs", plan.LungShuntSource);
        Near(lungCounts / (lungCounts + liverCounts), plan.LungShuntFraction, "LSF");
        Near(lungCounts / (lungCounts + liverCounts), plan.Rois.Single(r => r.Name == "Lungs").CountsFraction, "lung counts fraction");
    }

    [Fact]
    public void Planar_geometric_mean_gives_the_lung_shunt_when_no_lung_roi()
    {
        var plan = new TreatmentPlanner(new PlanningOptions { AdministeredActivityMBq = 1500 })
            .Plan(new PlanningPhantom().Counts(), [PlanningPhantom.Structures(lungs: false)], new PlanarLungShuntCounts(400, 100, 8100, 3600), maxDegreeOfParallelism: 1);
        Assert.Equal("planar geometric mean", plan.LungShuntSource);
        Near(200.0 / (200 + 5400), plan.LungShuntFraction, "planar LSF = GM lung / (GM lung + GM liver)");
    }

    [Fact]
    public void Prescribed_activity_reproduces_the_target_tumour_dose()
    {
        var phantom = new PlanningPhantom();
        var options = new PlanningOptions { LungShuntFraction = 0.05 };
        var plan = Plan(phantom, options, lungs: false);
        Assert.Equal("prescribed", plan.AdministeredActivitySource);
        Assert.Equal("none", plan.Prescription!.BindingLimit);
        var again = Plan(phantom, options with { AdministeredActivityMBq = plan.Prescription.ActivityMBq }, lungs: false);
        Near(120.0, again.TumourGy, "tumour dose at the prescribed activity");
        // All lesions as one compartment: mean T/N weighted by mass.
        var tnT = (phantom.LesionACounts * AVoxels + phantom.LesionBCounts * BVoxels) / (double)(AVoxels + BVoxels) / phantom.NormalCounts;
        var mEff = (phantom.LesionACounts * AVoxels + phantom.LesionBCounts * BVoxels) / phantom.NormalCounts * PlanningPhantom.VoxelMassKg
            + NormalVoxels * PlanningPhantom.VoxelMassKg;
        var expectedGBq = 120.0 * mEff / (K * 0.95 * tnT);
        Near(expectedGBq * 1000, plan.Prescription.ActivityMBq, "prescribed activity");
    }

    [Fact]
    public void Liver_limit_binds_when_the_tumour_to_normal_ratio_is_low()
    {
        var phantom = new PlanningPhantom { LesionACounts = 25, LesionBCounts = 25 };
        var plan = Plan(phantom, new PlanningOptions { LungShuntFraction = 0.05 }, lungs: false);
        var p = plan.Prescription!;
        Assert.Equal("normalLiver", p.BindingLimit);
        Assert.True(p.TargetActivityMBq > p.ActivityMBq);
        Near(40.0, plan.NormalLiverGy, "normal liver at the resin limit (EANM 2022: 40 Gy)");
        Assert.True(plan.TumourGy < 120);
    }

    [Fact]
    public void Lung_limit_binds_when_the_shunt_is_high()
    {
        var plan = Plan(new PlanningPhantom(), new PlanningOptions { LungShuntFraction = 0.3 }, lungs: false);
        var p = plan.Prescription!;
        Assert.Equal("lung", p.BindingLimit);
        Near(30.0 / (K * 0.3) * 1000, p.ActivityMBq, "lung-limited activity (30 Gy, 1 kg)");
        Near(30.0, plan.LungGy, "lung dose at the limit");
    }

    [Fact]
    public void Glass_gives_the_single_compartment_dose_and_limits_the_whole_normal_liver()
    {
        var plan = Plan(new PlanningPhantom(), new PlanningOptions { AdministeredActivityMBq = 3000, LungShuntFraction = 0.1, Decision = new DecisionOptions { Microspheres = MicrosphereType.Glass } }, lungs: false);
        Near(K * 3.0 * 0.9 / (LiverVoxels * PlanningPhantom.VoxelMassKg), plan.SingleCompartmentGy, "single compartment");
        Assert.Equal(75.0, plan.Prescription!.NormalLiverLimitGy);
        Assert.Null(plan.BsaActivityMBq);
    }

    [Fact]
    public void Resin_bsa_activity_is_bsa_minus_0_2_plus_involvement()
    {
        var plan = Plan(new PlanningPhantom(), new PlanningOptions { AdministeredActivityMBq = 1000, LungShuntFraction = 0.1, BodySurfaceAreaM2 = 1.8 }, lungs: false);
        Near((1.8 - 0.2 + (AVoxels + BVoxels) / (double)LiverVoxels) * 1000, plan.BsaActivityMBq, "BSA activity");
        // DuBois: 175 cm, 70 kg -> 1.85 m2 (the usual worked example).
        Assert.Equal(1.85, PartitionModel.DuBoisBsaM2(1.75, 70), 2);
    }

    [Fact]
    public void Without_a_liver_roi_the_plan_lists_every_roi_and_says_why_there_is_no_partition_dose()
    {
        var phantom = new PlanningPhantom { LungCounts = 1 };
        var plan = Plan(phantom, new PlanningOptions { AdministeredActivityMBq = 2000, LungShuntFraction = 0.1 }, liver: false);
        Assert.Contains("No liver or perfused-territory ROI", plan.NoPartitionReason, StringComparison.Ordinal);
        Assert.Equal(["Lesion A", "Lesion B", "Lungs"], plan.Rois.Select(r => r.Name));
        var total = phantom.NormalCounts * NormalVoxels + phantom.LesionACounts * AVoxels + phantom.LesionBCounts * BVoxels
            + phantom.LungCounts * PlanningPhantom.Voxels(PlanningPhantom.Lungs);
        Near(phantom.LesionACounts * AVoxels / total, plan.Rois[0].CountsFraction, "counts fraction A");
        Near(AVoxels * 0.216, plan.Rois[0].VolumeMl, "volume A");
        Assert.All(plan.Rois, r => Assert.Null(r.PartitionDoseGy));
        Assert.Null(plan.Prescription);
        Assert.Null(plan.NormalLiverGy);
        Assert.Null(plan.PredictedDoseGy);
    }

    [Fact]
    public void Without_any_lung_shunt_fraction_no_partition_dose_is_guessed()
    {
        var plan = Plan(new PlanningPhantom(), new PlanningOptions { AdministeredActivityMBq = 2000 }, lungs: false);
        Assert.Equal("none", plan.LungShuntSource);
        Assert.Contains("No lung shunt fraction", plan.NoPartitionReason, StringComparison.Ordinal);
        Assert.All(plan.Rois, r => Assert.Null(r.PartitionDoseGy));
    }
}
