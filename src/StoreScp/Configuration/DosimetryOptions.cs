using VoxDose.Dosimetry.Metrics;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Section <c>VoxDose:Dosimetry</c>: every dosimetry and decision setting, used alike by <c>voxdose serve</c> and
/// <c>voxdose dose</c> (through <see cref="DosimetrySettings"/>). Defaults come from the engine's own option records
/// (src/Dosimetry, where their sources are cited), so there is one default per setting. Method and grid are in
/// <see cref="ProcessingOptions"/>.
/// </summary>
public sealed class DosimetryOptions
{
    private static readonly DecisionOptions DecisionDefaults = new();
    private static readonly MetricsOptions MetricsDefaults = new();

    /// <summary>resin or glass: selects the EANM 2022 normal-liver limit.</summary>
    public MicrosphereType Microspheres { get; set; } = DecisionDefaults.Microspheres;

    /// <summary>Mean lesion dose below which a lesion is flagged (Yoo et al., Nucl Med Commun 2021: 81 Gy).</summary>
    public double TumourCutoffGy { get; set; } = DecisionDefaults.LesionMeanCutoffGy;

    /// <summary>Normal liver mean dose limit with resin microspheres (EANM 2022: 40 Gy).</summary>
    public double NormalLiverLimitGy { get; set; } = DecisionDefaults.NormalLiverLimitResinGy;

    /// <summary>Normal liver mean dose limit with glass microspheres (EANM 2022: 75 Gy).</summary>
    public double NormalLiverLimitGlassGy { get; set; } = DecisionDefaults.NormalLiverLimitGlassGy;

    /// <summary>Lung dose limit per session (EANM 2022: 30 Gy).</summary>
    public double LungLimitGy { get; set; } = DecisionDefaults.LungLimitPerSessionGy;

    /// <summary>Lesions with an equivalent diameter under this are flagged as small (Yoo 2021 excluded lesions under 1 cm).</summary>
    public double SmallLesionDiameterMm { get; set; } = DecisionDefaults.SmallLesionDiameterMm;

    /// <summary>
    /// Window (percent of the expected activity) of the activity-recovery check. The administered activity is the
    /// header's Radionuclide Total Dose (0018,1074); without it the study is flagged ADMINISTERED_ACTIVITY_UNKNOWN.
    /// </summary>
    public double ActivityRecoveryMinPercent { get; set; } = DecisionDefaults.ActivityRecoveryMinPercent;

    public double ActivityRecoveryMaxPercent { get; set; } = DecisionDefaults.ActivityRecoveryMaxPercent;

    /// <summary>x of the Dx values (percent of the volume). Empty in the file: the engine's defaults (filled in after binding).</summary>
    public List<int> DxPercents { get; set; } = [];

    /// <summary>y of the Vy values (Gy). Empty in the file: the engine's defaults (filled in after binding).</summary>
    public List<int> VxThresholdsGy { get; set; } = [];

    public RadiobiologySectionOptions Radiobiology { get; set; } = new();

    public RoiRoleSectionOptions RoiRoles { get; set; } = new();

    /// <summary>Reconstruction resolution per scanner model, partial-volume flag factor, recovery table (docs/dosimetry.md).</summary>
    public VoxDose.Dosimetry.Accuracy.PartialVolumeOptions PartialVolume { get; set; } = new();

    /// <summary>Standard uncertainties of the inputs of a lesion dose (Gear et al., EJNMMI 2018).</summary>
    public VoxDose.Dosimetry.Accuracy.UncertaintyOptions Uncertainty { get; set; } = new();

    /// <summary>CT number to mass density for the PET/CT's CT (piecewise linear; empty: the Schneider 2000 default, docs/dosimetry.md).</summary>
    public VoxDose.Dosimetry.Ct.HuDensityCalibration HuToDensity { get; set; } = new();

    // Further dosimetry settings go here, each as a property with its engine default, or as a small sub-section
    // class like RoiRoles; DosimetrySettings maps them to the engine.

    public void ApplyListDefaults()
    {
        if (DxPercents.Count == 0) DxPercents.AddRange(MetricsDefaults.DxPercents);
        if (VxThresholdsGy.Count == 0) VxThresholdsGy.AddRange(MetricsDefaults.VxThresholdsGy);
        RoiRoles.ApplyListDefaults();
    }
}
