namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// Biologically effective dose of a permanent implant whose dose rate decays with the physical half-life
/// (microspheres do not wash out): BED = D [1 + D (T_rep / (T_rep + T_half)) / (alpha/beta)]
/// (Dale 1985; EANM 2022 procedure guideline, Weber et al.). T_rep is the repair half-time.
/// </summary>
public static class PermanentImplantBed
{
    public static double BedGy(double doseGy, RadiobiologyParameters parameters, double physicalHalfLifeH)
    {
        if (!(parameters.AlphaBetaGy > 0)) throw new ArgumentOutOfRangeException(nameof(parameters), parameters.AlphaBetaGy, "alpha/beta must be positive (Gy).");
        if (!(parameters.RepairHalfTimeH > 0)) throw new ArgumentOutOfRangeException(nameof(parameters), parameters.RepairHalfTimeH, "Repair half-time must be positive (h).");
        if (!(physicalHalfLifeH > 0)) throw new ArgumentOutOfRangeException(nameof(physicalHalfLifeH), physicalHalfLifeH, "Half-life must be positive (h).");
        var repairFactor = parameters.RepairHalfTimeH / (parameters.RepairHalfTimeH + physicalHalfLifeH);
        return doseGy * (1 + doseGy * repairFactor / parameters.AlphaBetaGy);
    }
}
