namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Export</c>: the retry schedule of the export queue.</summary>
public sealed class ExportOptions
{
    /// <summary>Used when <see cref="RetryDelaysSeconds"/> is not configured: 30 s, 2 min, 10 min, 30 min, then hourly.</summary>
    public static readonly IReadOnlyList<double> DefaultRetryDelaysSeconds = [30, 120, 600, 1800, 3600];

    /// <summary>
    /// Delays (seconds) before the 2nd, 3rd, ... attempt; the last one repeats until <see cref="GiveUpAfterSeconds"/>.
    /// Empty in the file means <see cref="DefaultRetryDelaysSeconds"/> (filled in after binding: the configuration
    /// binder appends to a pre-filled list instead of replacing it).
    /// </summary>
    public List<double> RetryDelaysSeconds { get; set; } = [];

    /// <summary>After this long since the first attempt, a pending export is marked failed (default 24 h).</summary>
    public double GiveUpAfterSeconds { get; set; } = 86400;

    /// <summary>Calling AE title used by the SCU towards destinations.</summary>
    public string CallingAeTitle { get; set; } = "VOXDOSE";

    /// <summary>Timeout for one association (connect, transfer, release).</summary>
    public double AssociationTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// When true, a study's results wait (export rows held) until a physicist approves the revision in the console;
    /// then the verified SR and the approved PDF go out. When false (default), results go out at once as UNVERIFIED
    /// and the verified SR and PDF follow an approval.
    /// </summary>
    public bool RequireApproval { get; set; }
}
