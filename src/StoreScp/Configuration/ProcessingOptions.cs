namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Processing</c>: study assembly and the dose pipeline.</summary>
public sealed class ProcessingOptions
{
    /// <summary>
    /// A series without a known instance count (or short of it) is complete this many seconds after its last
    /// arrival; each arrival re-arms the timer. PET series carrying Number of Slices (0054,0081) complete as soon
    /// as that many instances are in.
    /// </summary>
    public double SeriesQuietSeconds { get; set; } = 30;

    public DoseMethodOption Method { get; set; } = DoseMethodOption.Vsv;

    /// <summary>Voxel size (mm) the PET is resampled to before convolution (Yoo 2021: 3 mm).</summary>
    public double DoseGridMm { get; set; } = 3.0;

    /// <summary>How many studies are computed at once (the convolution uses every core).</summary>
    public int MaxConcurrentStudies { get; set; } = 1;

    public static readonly IReadOnlyList<string> DefaultOutputs = ["RtDose", "Sr", "Pdf"];

    /// <summary>Objects sent to destinations: any of RtDose, Sr, Pdf. Empty in the file means all three (filled in after binding).</summary>
    public List<string> Outputs { get; set; } = [];
}
