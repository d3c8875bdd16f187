namespace VoxDose.Statistics.Survival;

/// <summary>How the pointwise interval of a Kaplan-Meier curve is formed (R's <c>conf.type</c>).</summary>
public enum ConfidenceIntervalType
{
    /// <summary>On log S (R's default): S exp(-+z se), upper bound capped at 1.</summary>
    Log,
    /// <summary>On log(-log S): exp(-exp(log(-log S) -+ z se / log S)).</summary>
    LogLog,
    /// <summary>On S itself: S (1 -+ z se), clipped to [0, 1].</summary>
    Plain,
}
