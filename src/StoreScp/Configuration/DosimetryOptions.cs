namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Dosimetry</c>: the thresholds lesions and organs are flagged against (Gy), passed to the ROI metrics.</summary>
public sealed class DosimetryOptions
{
    /// <summary>Mean lesion dose below which a lesion is flagged (Yoo et al., Nucl Med Commun 2021: 81 Gy).</summary>
    public double TumourCutoffGy { get; set; } = 81;

    /// <summary>Normal liver mean dose limit (EANM 2022, resin microspheres: 40 Gy).</summary>
    public double NormalLiverLimitGy { get; set; } = 40;

    /// <summary>Lung dose limit per session (EANM 2022: 30 Gy).</summary>
    public double LungLimitGy { get; set; } = 30;

    /// <summary>Lesions with an equivalent diameter under this are flagged as small (Yoo 2021 excluded lesions under 1 cm).</summary>
    public double SmallLesionDiameterMm { get; set; } = 10;

    /// <summary>Reconstruction resolution per scanner model, partial-volume flag factor, recovery table (docs/dosimetry.md).</summary>
    public VoxDose.Dosimetry.Accuracy.PartialVolumeOptions PartialVolume { get; set; } = new();

    /// <summary>Standard uncertainties of the inputs of a lesion dose (Gear et al., EJNMMI 2018).</summary>
    public VoxDose.Dosimetry.Accuracy.UncertaintyOptions Uncertainty { get; set; } = new();
}
