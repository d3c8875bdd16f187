namespace VoxDose.Dosimetry.Metrics;

/// <summary>Stable codes of <see cref="Results.RoiFlag"/> (consumers such as the report match on them).</summary>
public static class RoiFlagCodes
{
    public const string BelowLocalControlDose = "BELOW_LOCAL_CONTROL_DOSE";
    public const string SmallLesion = "SMALL_LESION";

    /// <summary>The lesion's equivalent diameter is under the configured multiple of the reconstruction's FWHM.</summary>
    public const string PartialVolume = "PARTIAL_VOLUME";
    public const string NormalLiverAboveLimit = "NORMAL_LIVER_ABOVE_LIMIT";
    public const string LungAboveLimit = "LUNG_ABOVE_LIMIT";
    public const string PartlyOutsideDoseGrid = "PARTLY_OUTSIDE_DOSE_GRID";
    public const string EmptyRoi = "EMPTY_ROI";
    public const string Derived = "DERIVED";
}
