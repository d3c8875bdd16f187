using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>
/// Radiobiology parameters per ROI role. Defaults: alpha/beta 10 Gy for tumour, 2.5 Gy for normal and whole liver
/// (EANM 2022: 2.5-2.75 Gy) and for the perfused region (mostly liver), 3 Gy for lung and other organs (the usual
/// late-responding tissue value); repair half-time 1.5 h (EANM 2022: 1.5-2.5 h); gEUD a = -10 for lesions
/// (Niemierko 1999 tumour range), 1 elsewhere (parallel organs: gEUD = mean dose).
/// </summary>
public sealed record RadiobiologyOptions
{
    public RadiobiologyParameters Lesion { get; init; } = new(10.0, 1.5, -10);
    public RadiobiologyParameters NormalLiver { get; init; } = new(2.5, 1.5, 1);
    public RadiobiologyParameters WholeLiver { get; init; } = new(2.5, 1.5, 1);
    public RadiobiologyParameters PerfusedRegion { get; init; } = new(2.5, 1.5, 1);
    public RadiobiologyParameters Lung { get; init; } = new(3.0, 1.5, 1);
    public RadiobiologyParameters Other { get; init; } = new(3.0, 1.5, 1);

    /// <summary>Physical half-life of the implant's nuclide in hours (Y-90 by default).</summary>
    public double PhysicalHalfLifeH { get; init; } = Y90Decay.HalfLifeH;

    public RadiobiologyParameters For(RoiRole role) => role switch
    {
        RoiRole.Lesion => Lesion,
        RoiRole.NormalLiver => NormalLiver,
        RoiRole.WholeLiver => WholeLiver,
        RoiRole.PerfusedRegion => PerfusedRegion,
        RoiRole.Lung => Lung,
        _ => Other,
    };

    public IEnumerable<string> Validate(string path)
    {
        if (!(PhysicalHalfLifeH > 0)) yield return $"{path}:PhysicalHalfLifeH must be positive (hours), got {PhysicalHalfLifeH}.";
        foreach (var (name, p) in new[] { ("Lesion", Lesion), ("NormalLiver", NormalLiver), ("WholeLiver", WholeLiver),
                     ("PerfusedRegion", PerfusedRegion), ("Lung", Lung), ("Other", Other) })
        {
            if (!(p.AlphaBetaGy > 0)) yield return $"{path}:{name}:AlphaBetaGy must be positive, got {p.AlphaBetaGy}.";
            if (!(p.RepairHalfTimeH > 0)) yield return $"{path}:{name}:RepairHalfTimeH must be positive, got {p.RepairHalfTimeH}.";
            if (p.GeudA == 0 || !double.IsFinite(p.GeudA)) yield return $"{path}:{name}:GeudA must be finite and non-zero, got {p.GeudA}.";
        }
    }
}
