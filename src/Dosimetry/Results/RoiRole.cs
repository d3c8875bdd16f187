namespace VoxDose.Dosimetry.Results;

/// <summary>What a region of interest stands for in the dosimetry (decides thresholds, flags and BED parameters).</summary>
public enum RoiRole
{
    Lesion,
    WholeLiver,
    NormalLiver,
    Lung,
    PerfusedRegion,
    Other,
}
