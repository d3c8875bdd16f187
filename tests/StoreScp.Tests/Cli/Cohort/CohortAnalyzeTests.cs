using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using VoxDose.StoreScp.Cli.Cohort;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Cli.Cohort;

/// <summary><c>voxdose cohort analyze</c>: analysis.json against R on the study-shaped 14-lesion cohort; bad input refused.</summary>
public sealed class CohortAnalyzeTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "docs", "examples", "cohort-14-lesions.csv");

    private static int Invoke(params string[] args)
    {
        var root = new RootCommand("test") { CohortCommand.Create() };
        return root.Parse(args).Invoke();
    }

    [Fact]
    public void Analysis_json_of_the_14_lesion_cohort_matches_R()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-cohort");
        try
        {
            Assert.Equal(0, Invoke("cohort", "analyze", Example, "--time", "pfsMonths", "--event", "progression", "--group", "tdvGy",
                "--cutoff", "81", "--covariates", "tdvGy,sizeCm", "--out", dir));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "analysis.json")));
            var root = json.RootElement;

            var script = Path.Combine(dir, "r.R");
            File.WriteAllText(script, """
                library(survival)
                d <- read.csv(commandArgs(TRUE)[1])
                out <- function(key, v) cat(key, paste(ifelse(is.na(v), "NA", sprintf("%.17g", v)), collapse = " "), "\n")
                d$g <- ifelse(d$tdvGy >= 81, "high", "low")
                for (lv in c("low", "high")) {
                  f <- survfit(Surv(pfsMonths, progression) ~ 1, data = d[d$g == lv, ])
                  out(paste0("km.", lv, ".surv"), f$surv); out(paste0("km.", lv, ".median"), summary(f)$table[c("median", "0.95LCL", "0.95UCL")])
                }
                sd <- survdiff(Surv(pfsMonths, progression) ~ g, data = d)
                out("lr", c(sd$chisq, pchisq(sd$chisq, 1, lower.tail = FALSE)))
                fit <- coxph(Surv(pfsMonths, progression) ~ tdvGy + sizeCm, data = d)
                out("cox.coef", coef(fit)); out("cox.p", summary(fit)$coefficients[, 5]); out("cox.c", fit$concordance["concordance"])
                w <- wilcox.test(d$tdvGy[d$progression == 0], d$tdvGy[d$progression == 1])
                out("mw", c(w$statistic, w$p.value))
                s <- cor.test(d$tdvGy, d$pfsMonths, method = "spearman")
                out("sp", c(s$estimate, s$p.value))
                """);
            var r = ExternalTool.Run("Rscript", "--vanilla", script, Example).EnsureSuccess().StdOut
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' '))
                .ToDictionary(p => p[0], p => p.Skip(1).Select(v => v == "NA" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray());

            var groups = root.GetProperty("kaplanMeier").GetProperty("groups").EnumerateArray().ToArray();
            Assert.Equal(new[] { "tdvGy < 81", "tdvGy >= 81" }, groups.Select(g => g.GetProperty("name").GetString() ?? "").ToArray());
            foreach (var (g, lv) in new[] { (groups[0], "low"), (groups[1], "high") })
            {
                Close(r[$"km.{lv}.surv"], g.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("survival").GetDouble()).ToArray());
                Close(r[$"km.{lv}.median"], [Num(g, "median"), Num(g, "medianLower"), Num(g, "medianUpper")]);
            }
            var lr = root.GetProperty("logRank");
            Close(r["lr"], [Num(lr, "chiSquare"), Num(lr, "p")]);
            var terms = root.GetProperty("cox").GetProperty("terms").EnumerateArray().ToArray();
            Close(r["cox.coef"], terms.Select(t => Num(t, "coef")).ToArray());
            Close(r["cox.p"], terms.Select(t => Num(t, "p")).ToArray());
            Close(r["cox.c"], [Num(root.GetProperty("cox"), "concordance")]);
            var mw = root.GetProperty("mannWhitney");
            Close(r["mw"], [Num(mw, "u"), Num(mw, "p")]);
            var sp = root.GetProperty("spearman");
            Close(r["sp"], [Num(sp, "rho"), Num(sp, "p")]);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_separating_covariate_is_written_as_infinite_with_null_numbers()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-cohort");
        try
        {
            var csv = Path.Combine(dir, "separated.csv");
            File.WriteAllLines(csv, new[] { "t,e,x" }.Concat(Enumerable.Range(0, 20).Select(i =>
                i < 8 ? $"{i + 1},{(i % 3 == 0 ? 0 : 1)},1" : $"{i + 10},0,0")));
            Assert.Equal(0, Invoke("cohort", "analyze", csv, "--time", "t", "--event", "e", "--covariates", "x", "--out", dir));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "analysis.json")));
            var cox = json.RootElement.GetProperty("cox");
            var term = cox.GetProperty("terms")[0];
            Assert.Equal("infinite", term.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, term.GetProperty("hazardRatio").ValueKind);
            Assert.Equal(JsonValueKind.Null, term.GetProperty("p").ValueKind);
            Assert.Equal(JsonValueKind.Null, cox.GetProperty("wald").GetProperty("p").ValueKind);
            Assert.Contains("infinite", cox.GetProperty("warnings")[0].GetString());
            Assert.Empty(json.RootElement.GetProperty("studyRule").GetProperty("selected").EnumerateArray());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("lesion,time,event\nL1,3,1\nL2,5,0\n", "nope", "event", "no column 'nope'")]
    [InlineData("lesion,time,event\nL1,3,1\nL2,x5,0\n", "time", "event", "line 3, column 'time': 'x5' is not a number")]
    [InlineData("lesion,time,event\nL1,3,1\nL2,5,2\n", "time", "event", "line 3, column 'event': '2' is not 0 (censored) or 1 (event)")]
    [InlineData("lesion,time,event\nL1,3,1\nL2,5\n", "time", "event", "line 3: 2 cells for 3 columns")]
    [InlineData("lesion,time,event\nL1,-3,1\nL2,5,1\n", "time", "event", "line 2, column 'time': negative time")]
    public void Bad_input_is_refused_with_line_and_column_and_nothing_is_written(string csvText, string time, string ev, string expected)
    {
        var dir = TestPaths.NewTempDirectory("voxdose-cohort");
        try
        {
            var csv = Path.Combine(dir, "bad.csv");
            File.WriteAllText(csv, csvText);
            var ex = Assert.Throws<CohortDataException>(() => CohortAnalyzer.Analyze(CohortTable.Read(csv),
                new CohortAnalysisOptions(time, ev, null, null, [], VoxDose.Statistics.Cox.CoxTies.Efron)));
            Assert.Contains(expected, ex.Message);
            var outDir = Path.Combine(dir, "out");
            Assert.Equal(2, Invoke("cohort", "analyze", csv, "--time", time, "--event", ev, "--out", outDir));
            Assert.False(File.Exists(Path.Combine(outDir, "analysis.json")));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("--ties", "exact")]
    [InlineData("--cutoff", "eighty")]
    public void Bad_options_exit_2(string option, string value)
    {
        Assert.Equal(2, Invoke("cohort", "analyze", Example, "--time", "pfsMonths", "--event", "progression", "--group", "tdvGy",
            option, value, "--out", Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N"))));
    }

    private static double Num(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? double.NaN : e.GetProperty(name).GetDouble();

    private static void Close(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i])) { Assert.True(double.IsNaN(actual[i]), $"[{i}] R NA, ours {actual[i]}"); continue; }
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 * Math.Max(1, Math.Abs(expected[i])), $"[{i}] R {expected[i]:R}, ours {actual[i]:R}");
        }
    }
}
