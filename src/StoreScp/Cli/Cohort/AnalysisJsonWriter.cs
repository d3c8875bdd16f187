using System.Text.Encodings.Web;
using System.Text.Json;
using VoxDose.Statistics.Cox;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>
/// Writes <c>analysis.json</c> in the shape docs/statistics.md describes. A number that is not defined (NaN,
/// infinite, or a Cox term that is not an estimate) is written as null, never as a value that looks valid.
/// </summary>
internal static class AnalysisJsonWriter
{
    public const int FormatVersion = 1;

    public static void Write(CohortAnalysis a, string path, string softwareVersion)
    {
        var tmp = path + ".tmp";
        using (var stream = File.Create(tmp))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteString("software", "VoxDose " + softwareVersion);
            WriteInput(w, a);
            WriteKaplanMeier(w, a);
            if (a.LogRank is { } lr)
            {
                w.WriteStartObject("logRank");
                Num(w, "chiSquare", lr.ChiSquare);
                w.WriteNumber("df", lr.DegreesOfFreedom);
                Num(w, "p", lr.P);
                w.WriteEndObject();
            }
            else w.WriteNull("logRank");
            if (a.Cox is { } cox) WriteCox(w, "cox", cox); else w.WriteNull("cox");
            w.WriteStartArray("univariate");
            foreach (var u in a.Univariate) WriteCox(w, null, u);
            w.WriteEndArray();
            if (a.Study is { } study)
            {
                w.WriteStartObject("studyRule");
                w.WriteNumber("entryP", study.EntryP);
                w.WriteStartArray("selected");
                foreach (var s in study.Selected) w.WriteStringValue(s);
                w.WriteEndArray();
                if (study.Multivariate is { } m) WriteCox(w, "cox", m); else w.WriteNull("cox");
                w.WriteEndObject();
            }
            else w.WriteNull("studyRule");
            if (a.MannWhitney is { } mw)
            {
                w.WriteStartObject("mannWhitney");
                w.WriteString("variable", a.Grouping.Column);
                w.WriteNumber("nWithoutEvent", mw.N1);
                w.WriteNumber("nWithEvent", mw.N2);
                Num(w, "u", mw.U);
                Num(w, "p", mw.P);
                w.WriteBoolean("exact", mw.Exact);
                w.WriteEndObject();
            }
            else w.WriteNull("mannWhitney");
            if (a.Spearman is { } sp)
            {
                w.WriteStartObject("spearman");
                w.WriteString("x", a.Grouping.Column);
                w.WriteString("y", a.Options.TimeColumn);
                w.WriteNumber("n", sp.N);
                Num(w, "rho", sp.Rho);
                Num(w, "p", sp.P);
                w.WriteBoolean("exact", sp.Exact);
                w.WriteEndObject();
            }
            else w.WriteNull("spearman");
            w.WriteStartArray("notes");
            foreach (var n in a.Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        File.Move(tmp, path, overwrite: true);
    }

    private static void WriteInput(Utf8JsonWriter w, CohortAnalysis a)
    {
        w.WriteStartObject("input");
        w.WriteString("file", a.Source);
        w.WriteNumber("rowsRead", a.RowsRead);
        w.WriteNumber("rowsUsed", a.Rows.Time.Length);
        w.WriteStartArray("excludedLines");
        foreach (var l in a.ExcludedLines) w.WriteNumberValue(l);
        w.WriteEndArray();
        w.WriteString("time", a.Options.TimeColumn);
        w.WriteString("event", a.Options.EventColumn);
        w.WriteStartObject("grouping");
        w.WriteString("column", a.Grouping.Column);
        w.WriteString("rule", a.Grouping.Rule);
        if (a.Grouping.Cutoff is { } c) Num(w, "cutoff", c); else w.WriteNull("cutoff");
        w.WriteEndObject();
        w.WriteStartArray("covariates");
        foreach (var c2 in a.Options.Covariates) w.WriteStringValue(c2);
        w.WriteEndArray();
        w.WriteString("ties", a.Options.Ties == CoxTies.Breslow ? "breslow" : "efron");
        w.WriteEndObject();
    }

    private static void WriteKaplanMeier(Utf8JsonWriter w, CohortAnalysis a)
    {
        w.WriteStartObject("kaplanMeier");
        w.WriteString("confType", "log");
        w.WriteNumber("confLevel", 0.95);
        w.WriteStartArray("groups");
        foreach (var g in a.Groups)
        {
            var c = g.Curve;
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteNumber("n", c.N);
            w.WriteNumber("events", c.Events);
            Num(w, "median", c.Median);
            Num(w, "medianLower", c.MedianLower);
            Num(w, "medianUpper", c.MedianUpper);
            w.WriteStartArray("steps");
            foreach (var s in c.Steps)
            {
                w.WriteStartObject();
                Num(w, "time", s.Time);
                w.WriteNumber("nRisk", s.NRisk);
                w.WriteNumber("nEvent", s.NEvent);
                w.WriteNumber("nCensor", s.NCensor);
                Num(w, "survival", s.Survival);
                Num(w, "stdErr", s.StdErr);
                Num(w, "lower", s.Lower);
                Num(w, "upper", s.Upper);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCox(Utf8JsonWriter w, string? name, CoxFit fit)
    {
        if (name is null) w.WriteStartObject(); else w.WriteStartObject(name);
        w.WriteString("ties", fit.Ties == CoxTies.Breslow ? "breslow" : "efron");
        w.WriteNumber("n", fit.N);
        w.WriteNumber("events", fit.Events);
        w.WriteBoolean("converged", fit.Converged);
        w.WriteNumber("iterations", fit.Iterations);
        w.WriteStartArray("terms");
        foreach (var t in fit.Terms)
        {
            var ok = t.IsEstimated;
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteString("status", t.Status switch
            {
                CoxTermStatus.Estimated => "estimated",
                CoxTermStatus.Infinite => "infinite",
                CoxTermStatus.Collinear => "collinear",
                _ => "notConverged",
            });
            Num(w, "coef", ok ? t.Coef : double.NaN);
            Num(w, "stdErr", ok ? t.StdErr : double.NaN);
            Num(w, "hazardRatio", ok ? t.HazardRatio : double.NaN);
            Num(w, "lower95", ok ? t.Lower95 : double.NaN);
            Num(w, "upper95", ok ? t.Upper95 : double.NaN);
            Num(w, "z", ok ? t.Z : double.NaN);
            Num(w, "p", ok ? t.P : double.NaN);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var valid = fit.AllEstimated;
        w.WriteStartArray("logLikelihood");
        w.WriteNumberValue(fit.LogLikelihood[0]);
        if (valid && double.IsFinite(fit.LogLikelihood[1])) w.WriteNumberValue(fit.LogLikelihood[1]); else w.WriteNullValue();
        w.WriteEndArray();
        Test(w, "likelihoodRatio", fit.LikelihoodRatio, valid);
        Test(w, "wald", fit.Wald, valid);
        Test(w, "score", fit.Score, true); // at beta = 0: defined even when the estimate is not
        Num(w, "concordance", valid ? fit.Concordance : double.NaN);
        w.WriteStartArray("warnings");
        foreach (var s in fit.Warnings) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter w, string name, CoxTest t, bool valid)
    {
        w.WriteStartObject(name);
        Num(w, "chiSquare", valid ? t.ChiSquare : double.NaN);
        w.WriteNumber("df", t.DegreesOfFreedom);
        Num(w, "p", valid ? t.P : double.NaN);
        w.WriteEndObject();
    }

    private static void Num(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
