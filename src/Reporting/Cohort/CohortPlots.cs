using ScottPlot;
using VoxDose.Reporting.Images;
using VoxDose.Statistics.Survival;

namespace VoxDose.Reporting.Cohort;

/// <summary>The cohort report's charts, rendered to PNG with ScottPlot (DejaVu Sans, as the dosimetry report).</summary>
internal static class CohortPlots
{
    private static readonly Color[] GroupColors = [new(0x1f, 0x77, 0xb4), new(0xd6, 0x27, 0x28), new(0x2c, 0xa0, 0x2c), new(0x94, 0x67, 0xbd)];

    private static readonly Color[] BoxFills = [new(0xae, 0xcd, 0xe8), new(0xf2, 0xb5, 0xb5)];

    /// <summary>Step curves with censoring ticks; the axis ticks are returned for the numbers-at-risk table.</summary>
    public static byte[] KaplanMeierPng(IReadOnlyList<CohortCurve> curves, string timeLabel, string title, double[] ticks, int width, int height)
    {
        DvhPlot.RegisterFonts();
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(timeLabel);
        plot.YLabel("Progression-free (proportion)");
        for (var g = 0; g < curves.Count; g++)
        {
            var c = curves[g].Curve;
            var xs = new List<double> { 0 };
            var ys = new List<double> { 1 };
            foreach (var s in c.Steps) { xs.Add(s.Time); ys.Add(s.Survival); }
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2.5f;
            line.Color = GroupColors[g % GroupColors.Length];
            line.LegendText = $"{curves[g].Name} (n = {c.N}, events = {c.Events})";
            var censored = c.Steps.Where(s => s.NCensor > 0).ToArray();
            if (censored.Length > 0)
            {
                var marks = plot.Add.Markers(censored.Select(s => s.Time).ToArray(), censored.Select(s => s.Survival).ToArray(),
                    MarkerShape.VerticalBar, 12, GroupColors[g % GroupColors.Length]);
                marks.LegendText = "";
            }
        }
        plot.Axes.SetLimits(0, ticks[^1], 0, 1.05);
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public static byte[] BoxPng(CohortBox box, string pText, int width, int height)
    {
        DvhPlot.RegisterFonts();
        var plot = new Plot();
        plot.Title($"{box.Variable}  ({pText})", size: 13);
        var groups = new[] { ("Success", box.Success), ("Failure", box.Failure) };
        for (var i = 0; i < groups.Length; i++)
        {
            var values = groups[i].Item2;
            if (values.Length == 0) continue;
            var s = BoxStatistics.Of(values);
            var b = new Box
            {
                Position = i,
                BoxMin = s.LowerHinge,
                BoxMax = s.UpperHinge,
                BoxMiddle = s.Median,
                WhiskerMin = s.WhiskerLow,
                WhiskerMax = s.WhiskerHigh,
                Width = 0.5,
            };
            b.FillStyle.Color = BoxFills[i];
            b.LineStyle.Color = Colors.Black;
            b.LineStyle.Width = 1.5f;
            plot.Add.Box(b);
            if (s.Outliers.Length > 0)
                plot.Add.Markers(s.Outliers.Select(_ => (double)i).ToArray(), s.Outliers, MarkerShape.OpenCircle, 7, GroupColors[i]);
            // The individual values beside the box: small cohorts are read point by point.
            plot.Add.Markers(values.Select(_ => i + 0.38).ToArray(), values, MarkerShape.FilledCircle, 4, Colors.Gray);
        }
        plot.Axes.Bottom.SetTicks([0, 1], [$"Success (n = {box.Success.Length})", $"Failure (n = {box.Failure.Length})"]);
        plot.Axes.SetLimitsX(-0.6, 1.7);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public static byte[] ScatterPng(double[] x, double[] y, bool[] events, string xLabel, string yLabel, string title, int width, int height)
    {
        DvhPlot.RegisterFonts();
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        var ev = Enumerable.Range(0, x.Length).Where(i => events[i]).ToArray();
        var cen = Enumerable.Range(0, x.Length).Where(i => !events[i]).ToArray();
        if (ev.Length > 0)
            plot.Add.Markers(ev.Select(i => x[i]).ToArray(), ev.Select(i => y[i]).ToArray(), MarkerShape.FilledCircle, 9, GroupColors[1]).LegendText = "progression";
        if (cen.Length > 0)
            plot.Add.Markers(cen.Select(i => x[i]).ToArray(), cen.Select(i => y[i]).ToArray(), MarkerShape.OpenCircle, 9, GroupColors[0]).LegendText = "censored (no progression)";
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Evenly spaced round time ticks from 0 past the last time.</summary>
    public static double[] TimeTicks(IEnumerable<KaplanMeierCurve> curves)
    {
        var max = curves.SelectMany(c => c.Steps).Select(s => s.Time).DefaultIfEmpty(1).Max();
        var raw = max / 6;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        var count = (int)Math.Ceiling(max / step);
        return Enumerable.Range(0, count + 1).Select(i => i * step).ToArray();
    }

    /// <summary>Number at risk at time t: those whose time is at or after t.</summary>
    public static int AtRisk(KaplanMeierCurve c, double t)
    {
        foreach (var s in c.Steps) if (s.Time >= t) return s.NRisk;
        return 0;
    }
}
