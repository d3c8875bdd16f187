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

    /// <summary>Used when <see cref="RetryDelaysSeconds"/> is not configured: 1 min, 5 min, 15 min, then hourly.</summary>
    public static readonly IReadOnlyList<double> DefaultRetryDelaysSeconds = [60, 300, 900, 3600];

    /// <summary>
    /// A study that failed for a reason that may pass (disk full, file system error) is tried again after these delays
    /// (seconds; the last repeats) until <see cref="RetryForSeconds"/> after its first failure; a study whose input is
    /// invalid is not retried automatically. Empty in the file means <see cref="DefaultRetryDelaysSeconds"/>.
    /// </summary>
    public List<double> RetryDelaysSeconds { get; set; } = [];

    /// <summary>How long (seconds) a failing study is retried automatically before it stays Failed (default 24 h).</summary>
    public double RetryForSeconds { get; set; } = 86400;

    /// <summary>
    /// How long (seconds) an assembled study without an RTSTRUCT waits for one before its first report (default 0: no
    /// wait). An RTSTRUCT arriving within the wait is used at once; after it, it makes a new revision.
    /// </summary>
    public double RtStructGraceSeconds { get; set; }

    /// <summary>How often (seconds) the sweeper looks for work in an intermediate state without a scheduled job.</summary>
    public double SweepSeconds { get; set; } = 60;

    /// <summary>
    /// Bits Allocated of the RT Dose pixel data: 16 (default: step max/65 000, e.g. 0.004 Gy for a 250 Gy maximum, far below
    /// the 0.1 Gy the reports print, and what Orthanc's viewer and other PACS viewers render; checked by
    /// RtDoseOrthancPreviewTests) or 32 (step max/4e9, for a TPS that wants it; Orthanc 1.10 answers a frame preview of it
    /// with HTTP 415). See docs/reporting.md, "RT Dose bits".
    /// </summary>
    public int RtDoseBitsAllocated { get; set; } = 16;

    public static readonly IReadOnlyList<string> DefaultOutputs = ["RtDose", "Sr", "Pdf"];

    /// <summary>Objects sent to destinations: any of RtDose, Sr, Pdf, Sc (the fused PET + dose secondary capture). Empty in the file means RtDose, Sr, Pdf (filled in after binding).</summary>
    public List<string> Outputs { get; set; } = [];
}
