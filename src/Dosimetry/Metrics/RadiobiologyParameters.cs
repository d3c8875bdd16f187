namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// Radiobiology of one ROI role: alpha/beta (Gy) and repair half-time (h) for the BED, and Niemierko's gEUD
/// volume parameter a (negative for tumours: cold spots dominate; 1 for parallel organs: the mean dose).
/// </summary>
public sealed record RadiobiologyParameters(double AlphaBetaGy, double RepairHalfTimeH, double GeudA);
