namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Dosimetry</c>: thresholds used to flag lesions and organs (Gy).</summary>
public sealed class DosimetryOptions
{
    /// <summary>Mean lesion dose below which a lesion is flagged (Yoo et al., Nucl Med Commun 2021: 81 Gy).</summary>
    public double TumourCutoffGy { get; set; } = 81;

    /// <summary>Dose for the V-value of lesions (percentage of volume at or above), also from Yoo 2021.</summary>
    public double TumourVxGy { get; set; } = 100;

    /// <summary>Normal liver mean dose limit (EANM 2022, resin, unilobar: 40 Gy).</summary>
    public double NormalLiverLimitGy { get; set; } = 40;

    /// <summary>Lung dose limit per session (EANM 2022: 30 Gy).</summary>
    public double LungLimitGy { get; set; } = 30;

    /// <summary>Lesions smaller than this volume are reported but not flagged (Yoo 2021 excluded lesions under 1 cm).</summary>
    public double MinLesionVolumeMl { get; set; } = 0.5;
}
