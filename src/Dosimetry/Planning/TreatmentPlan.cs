using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Planning;

/// <summary>What an ROI stands for in the plan (plan.json "role").</summary>
public enum PlanRoiRole
{
    Lesion,
    PerfusedTerritory,
    WholeLiver,
    NormalLiver,
    PerfusedNormalLiver,
    WholeNormalLiver,
    Lung,
    Other,
}

/// <summary>One ROI of the plan: geometry and counts always; doses when the partition model applies.</summary>
public sealed record PlanRoi
{
    public required string Name { get; init; }
    public required PlanRoiRole Role { get; init; }

    /// <summary>ROI Number in the RTSTRUCT; null for derived regions.</summary>
    public int? RoiNumber { get; init; }
    public required double VolumeMl { get; init; }

    /// <summary>Mass at soft-tissue density (1.04 g/cm3) in kg; lungs use the plan's lung mass for their dose.</summary>
    public required double MassKg { get; init; }

    /// <summary>Fraction of all counts of the SPECT field of view inside the ROI (partial-volume weighted).</summary>
    public required double CountsFraction { get; init; }

    /// <summary>Lesions: concentration ratio (C_lesion / M_lesion) / (C_normal / M_normal) against the perfused normal liver.</summary>
    public double? TumourToNormal { get; init; }

    /// <summary>Partition-model (or lung) mean dose at the administered activity, Gy.</summary>
    public double? PartitionDoseGy { get; init; }

    /// <summary>Mean of the predicted VSV dose map in the ROI, Gy.</summary>
    public double? PredictedMeanGy { get; init; }

    /// <summary>Mean of the predicted LDM dose map in the ROI, Gy.</summary>
    public double? PredictedLdmMeanGy { get; init; }

    /// <summary>Dose-volume metrics of the predicted VSV dose in the ROI (DVH, Dx, Vx), when a predicted map exists.</summary>
    public RoiMetrics? Predicted { get; init; }

    /// <summary>Cumulative DVH of the predicted VSV dose in the ROI.</summary>
    public IReadOnlyList<DvhPoint> Dvh => Predicted?.Dvh ?? [];

    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The activity that reaches the target tumour dose within the limits, and which limit binds.</summary>
public sealed record Prescription
{
    public required double TargetTumourGy { get; init; }

    /// <summary>The prescribed activity, MBq: the smallest of the target activity and the limits' activities.</summary>
    public required double ActivityMBq { get; init; }

    /// <summary>"none" (the target is reached within the limits), "normalLiver" or "lung".</summary>
    public required string BindingLimit { get; init; }

    public required double TargetActivityMBq { get; init; }
    public required double NormalLiverLimitActivityMBq { get; init; }
    public required double LungLimitActivityMBq { get; init; }
    public required double NormalLiverLimitGy { get; init; }
    public required double LungLimitGy { get; init; }

    /// <summary>Which normal-liver compartment the limit applies to (perfused normal liver for resin, whole normal liver for glass).</summary>
    public required string NormalLiverCompartment { get; init; }

    /// <summary>Tumour dose (all lesions as one compartment) at the prescribed activity, Gy.</summary>
    public required double AchievedTumourGy { get; init; }
}

/// <summary>A pre-treatment plan from an MAA SPECT (and its structure set).</summary>
public sealed record TreatmentPlan
{
    public required MicrosphereType Microspheres { get; init; }
    public double? LungShuntFraction { get; init; }

    /// <summary>"given", "SPECT/CT lung and liver ROIs", "planar geometric mean", or "none".</summary>
    public required string LungShuntSource { get; init; }
    public double? AdministeredActivityMBq { get; init; }

    /// <summary>"given", "prescribed", or null when there is none.</summary>
    public string? AdministeredActivitySource { get; init; }
    public Prescription? Prescription { get; init; }

    /// <summary>Perfused normal liver dose (resin's limiting compartment), Gy.</summary>
    public double? NormalLiverGy { get; init; }
    public double? WholeNormalLiverGy { get; init; }
    public double? LungGy { get; init; }

    /// <summary>All lesions as one tumour compartment, Gy.</summary>
    public double? TumourGy { get; init; }

    /// <summary>Glass: the single-compartment (MIRD) dose of the perfused volume, Gy.</summary>
    public double? SingleCompartmentGy { get; init; }

    /// <summary>Resin: the BSA-method activity, MBq (for comparison), when a body surface area is known.</summary>
    public double? BsaActivityMBq { get; init; }

    /// <summary>Why no partition dose was computed (no liver or perfused-territory ROI, no lung shunt fraction...), else null.</summary>
    public string? NoPartitionReason { get; init; }
    public required IReadOnlyList<PlanRoi> Rois { get; init; }
    public IReadOnlyList<StructureSetMatch> StructureSets { get; init; } = [];

    /// <summary>Predicted dose maps on the SPECT grid (VSV and LDM), Gy; null without a partition.</summary>
    public Volume? PredictedDoseGy { get; init; }
    public Volume? PredictedLdmDoseGy { get; init; }
    public string? KernelDescription { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}
