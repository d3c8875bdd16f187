using System.Globalization;
using VoxDose.Statistics.Cox;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>A few plain lines on the console summarising an analysis (the details are in analysis.json).</summary>
internal static class CohortSummaryPrinter
{
    public static void Print(TextWriter o, CohortAnalysis a)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ic, $"{a.Source}: {a.Rows.Time.Length} rows used of {a.RowsRead} ({a.ExcludedLines.Count} with a missing value left out)."));
        foreach (var g in a.Groups)
            o.WriteLine(string.Create(ic, $"  {g.Name}: n = {g.Curve.N}, events = {g.Curve.Events}, median = {F(g.Curve.Median)} ({F(g.Curve.MedianLower)}-{F(g.Curve.MedianUpper)})"));
        if (a.LogRank is { } lr) o.WriteLine(string.Create(ic, $"  log-rank chi2 = {lr.ChiSquare:0.###} on {lr.DegreesOfFreedom} df, {PText(lr.P)}"));
        if (a.Cox is { } cox)
            foreach (var t in cox.Terms)
                o.WriteLine(t.Status == CoxTermStatus.Estimated
                    ? string.Create(ic, $"  Cox {t.Name}: HR = {t.HazardRatio:G4} (95% CI {t.Lower95:G4}-{t.Upper95:G4}), {PText(t.P)}")
                    : $"  Cox {t.Name}: no estimate ({t.Status}).");
        if (a.MannWhitney is { } mw) o.WriteLine(string.Create(ic, $"  Mann-Whitney U = {mw.U:0.#}, {PText(mw.P)}{(mw.Exact ? " (exact)" : "")}"));
        if (a.Spearman is { } sp) o.WriteLine(string.Create(ic, $"  Spearman rho = {sp.Rho:0.###}, {PText(sp.P)}"));
        foreach (var n in a.Notes) o.WriteLine("  note: " + n);
    }

    /// <summary>"P = 0.036" or "P &lt; 0.001".</summary>
    internal static string PText(double p) => p < 0.001 ? "P < 0.001" : "P = " + FormatP(p);

    internal static string F(double v) => double.IsFinite(v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "NA";

    /// <summary>P as journals print it: three decimals, "&lt; 0.001" below.</summary>
    internal static string FormatP(double p) =>
        double.IsNaN(p) ? "NA" : p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
