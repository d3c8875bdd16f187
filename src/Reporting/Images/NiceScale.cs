namespace VoxDose.Reporting.Images;

/// <summary>Round numbers for axis and colour-bar ticks.</summary>
public static class NiceScale
{
    /// <summary>The smallest "nice" number (1, 2, 2.5 or 5 times a power of ten) at or above <paramref name="value"/>.</summary>
    public static double CeilNice(double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
            if (m * power >= value * (1 - 1e-12)) return m * power;
        return 10 * power;
    }

    /// <summary>Tick values from 0 to <paramref name="max"/> at a nice step giving about <paramref name="count"/> intervals.</summary>
    public static IReadOnlyList<double> Ticks(double max, int count = 5)
    {
        var step = CeilNice(max / count);
        var ticks = new List<double>();
        for (var v = 0.0; v <= max * (1 + 1e-9); v += step) ticks.Add(Math.Round(v, 10));
        return ticks;
    }
}
