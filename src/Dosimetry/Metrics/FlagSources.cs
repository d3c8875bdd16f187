namespace VoxDose.Dosimetry.Metrics;

/// <summary>The literature the decision-support flags quote.</summary>
public static class FlagSources
{
    public const string Yoo2021 = "Yoo MY, Paeng JC, Kim HC, et al. Nucl Med Commun 2021 (voxel-based dosimetry for TARE of HCC)";
    public const string Eanm2022 = "EANM procedure guideline for radioembolization, Weber et al. 2022";
    public const string VoxDose = "VoxDose";
    public const string PartialVolume = "Soret, Bacharach, Buvat, J Nucl Med 2007;48:932 (partial-volume effect under about 3 x FWHM); Y-90 PET recovery: EJNMMI Res 2017, doi 10.1186/s13550-017-0341-9";
}
