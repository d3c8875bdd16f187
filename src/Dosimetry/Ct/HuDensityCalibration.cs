using System.Globalization;

namespace VoxDose.Dosimetry.Ct;

/// <summary>
/// CT number (HU) to mass density (g/mL): a piecewise-linear table, interpolated linearly between its points and held
/// at the end values beyond them (clamped). Configured as <c>VoxDose:Dosimetry:HuToDensity</c>; an empty table means
/// <see cref="DefaultPoints"/>. A calibration depends on the scanner and the tube voltage: a site should measure its own
/// (e.g. with an electron-density phantom) and configure it.
/// </summary>
public sealed record HuDensityCalibration
{
    /// <summary>
    /// The default: the density segments of Schneider, Bortfeld and Schlegel, "Correlation between CT numbers and tissue
    /// parameters needed for Monte Carlo simulations of clinical dose distributions", Phys Med Biol 2000;45:459-478, as
    /// tabulated for Monte Carlo codes (GATE's Schneider2000DensitiesTable): air -1000 HU 0.00121 g/mL, adipose up to
    /// -98 HU 0.93 g/mL, soft tissue 14-23 HU 1.03 g/mL, 100 HU 1.1199 g/mL, then the bone line 101 HU 1.0762 g/mL to
    /// 1600 HU 1.9642 g/mL and 3000 HU 2.8 g/mL. With it, lung at -700 HU is 0.31 g/mL and soft tissue at 40 HU 1.05 g/mL.
    /// </summary>
    public static readonly IReadOnlyList<HuDensityPoint> DefaultPoints =
    [
        new() { Hu = -1000, DensityGPerMl = 0.00121 },
        new() { Hu = -98, DensityGPerMl = 0.93 },
        new() { Hu = -97, DensityGPerMl = 0.930486 },
        new() { Hu = 14, DensityGPerMl = 1.03 },
        new() { Hu = 23, DensityGPerMl = 1.031 },
        new() { Hu = 100, DensityGPerMl = 1.1199 },
        new() { Hu = 101, DensityGPerMl = 1.0762 },
        new() { Hu = 1600, DensityGPerMl = 1.9642 },
        new() { Hu = 3000, DensityGPerMl = 2.8 },
    ];

    /// <summary>What the default is, for the reports.</summary>
    public const string DefaultName = "default: Schneider et al., Phys Med Biol 2000;45:459 (HU-density segments)";

    /// <summary>The table's points, HU strictly increasing; empty: <see cref="DefaultPoints"/>.</summary>
    public List<HuDensityPoint> Points { get; init; } = [];

    /// <summary>A name for the configured table (e.g. "Site CT 120 kV, CIRS 062M, 2026-01"), shown in the reports; ignored for the default.</summary>
    public string? Name { get; init; }

    /// <summary>The points in use: the configured ones, or the default.</summary>
    public IReadOnlyList<HuDensityPoint> EffectivePoints => Points.Count > 0 ? Points : DefaultPoints;

    /// <summary>The calibration in words: its name and its points.</summary>
    public string Description
    {
        get
        {
            var name = Points.Count > 0 ? "configured" + (string.IsNullOrWhiteSpace(Name) ? "" : $" ({Name.Trim()})") : DefaultName;
            var points = string.Join(", ", EffectivePoints.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Hu:0.##} HU {p.DensityGPerMl:0.#####}")));
            return $"HU to density (g/mL), piecewise linear, clamped beyond the ends, {name}: {points}";
        }
    }

    /// <summary>Density (g/mL) of a CT number: linear between the table's points, the end value beyond them.</summary>
    public double DensityGPerMl(double hu)
    {
        var points = EffectivePoints;
        if (!(hu > points[0].Hu)) return points[0].DensityGPerMl; // NaN too: the lowest density, never a NaN mass
        if (hu >= points[^1].Hu) return points[^1].DensityGPerMl;
        var hi = 1;
        while (points[hi].Hu < hu) hi++;
        var a = points[hi - 1];
        var b = points[hi];
        return a.DensityGPerMl + (hu - a.Hu) * (b.DensityGPerMl - a.DensityGPerMl) / (b.Hu - a.Hu);
    }

    /// <summary>Every problem with the table, each naming its configuration path.</summary>
    public IEnumerable<string> Validate(string path)
    {
        if (Points.Count == 1) yield return $"{path}:Points needs at least 2 points (or none for the default), got 1.";
        for (var i = 0; i < Points.Count; i++)
        {
            var p = Points[i];
            if (!(double.IsFinite(p.Hu) && p.Hu >= -2000 && p.Hu <= 40000)) yield return $"{path}:Points:{i}:Hu must be in [-2000, 40000] HU, got {p.Hu}.";
            if (!(double.IsFinite(p.DensityGPerMl) && p.DensityGPerMl >= 0 && p.DensityGPerMl <= 25))
                yield return $"{path}:Points:{i}:DensityGPerMl must be in [0, 25] g/mL, got {p.DensityGPerMl}.";
            if (i > 0 && !(p.Hu > Points[i - 1].Hu)) yield return $"{path}:Points:{i}:Hu must be larger than the previous point's ({Points[i - 1].Hu}), got {p.Hu}.";
        }
    }
}

/// <summary>One point of a HU-to-density calibration.</summary>
public sealed record HuDensityPoint
{
    public double Hu { get; init; }
    public double DensityGPerMl { get; init; }
}
