using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Planning;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// The engine's options made from the bound and validated configuration: the one mapping from <c>VoxDose:Processing</c>
/// (method, grid) and <c>VoxDose:Dosimetry</c> to the dose calculation, the ROI metrics and the decision flags. The node
/// and <c>voxdose dose</c> both compute with it, so the same inputs give the same numbers from both.
/// </summary>
public sealed record DosimetrySettings(DoseOptions Dose, MetricsOptions Metrics, RoiRoleOptions Roles)
{
    /// <param name="useGrid">False: compute on the PET's own grid whatever <c>Processing:DoseGridMm</c> says (<c>voxdose dose</c> without <c>--config</c>).</param>
    /// <param name="methodOverride">The method of one computation when it differs from <c>Processing:Method</c> (<c>voxdose studies reprocess --method</c>).</param>
    public static DosimetrySettings From(VoxDoseOptions options, bool useGrid = true, DoseMethodOption? methodOverride = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var processing = options.Processing;
        var d = options.Dosimetry;
        var method = (methodOverride ?? processing.Method) == DoseMethodOption.Ldm ? DoseMethod.Ldm : DoseMethod.Vsv;
        var dose = new DoseOptions
        {
            Method = method,
            // The grid is the VSV convolution's; LDM deposits in the voxel where the activity is.
            ResampleSpacingMm = useGrid && method == DoseMethod.Vsv ? processing.DoseGridMm : null,
        };
        var metrics = new MetricsOptions
        {
            DxPercents = [.. d.DxPercents],
            VxThresholdsGy = [.. d.VxThresholdsGy],
            Radiobiology = d.Radiobiology.ToEngine(),
            PartialVolume = d.PartialVolume,
            Uncertainty = d.Uncertainty,
            Decision = new DecisionOptions
            {
                Microspheres = d.Microspheres,
                LesionMeanCutoffGy = d.TumourCutoffGy,
                NormalLiverLimitResinGy = d.NormalLiverLimitGy,
                NormalLiverLimitGlassGy = d.NormalLiverLimitGlassGy,
                LungLimitPerSessionGy = d.LungLimitGy,
                SmallLesionDiameterMm = d.SmallLesionDiameterMm,
                ActivityRecoveryMinPercent = d.ActivityRecoveryMinPercent,
                ActivityRecoveryMaxPercent = d.ActivityRecoveryMaxPercent,
            },
        };
        return new DosimetrySettings(dose, metrics, d.RoiRoles.ToEngine()) { HuToDensity = d.HuToDensity };
    }

    /// <summary>CT number to density for the PET/CT's CT (<c>Dosimetry:HuToDensity</c>).</summary>
    public VoxDose.Dosimetry.Ct.HuDensityCalibration HuToDensity { get; init; } = new();

    /// <summary>
    /// The planner's options from <c>VoxDose:Planning</c> (target, activity, lung shunt) and <c>VoxDose:Dosimetry</c>
    /// (microspheres and limits, the same decision options the post-treatment flags use): what the node plans with.
    /// </summary>
    public static PlanningOptions Planning(VoxDoseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = options.Planning;
        var metrics = From(options).Metrics;
        return new PlanningOptions
        {
            TargetTumourGy = p.TargetTumourGy,
            AdministeredActivityMBq = p.AdministeredActivityMBq,
            LungShuntFraction = p.LungShuntFraction,
            Decision = metrics.Decision,
            Metrics = metrics,
        };
    }

    /// <summary>The ROI analyzer these settings describe.</summary>
    public RoiAnalyzer CreateAnalyzer() => new(Metrics, Roles);

    /// <summary>The offline pipeline these settings describe (analyzer and HU-to-density calibration).</summary>
    public OfflineDosePipeline CreatePipeline(RoiAnalyzer? analyzer = null) => new(analyzer ?? CreateAnalyzer(), HuToDensity);
}
