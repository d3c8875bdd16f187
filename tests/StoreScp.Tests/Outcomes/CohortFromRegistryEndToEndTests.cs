using System.Globalization;
using System.Text.Json;
using VoxDose.StoreScp.Cli.Cohort;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.StoreScp.Tests.Outcomes;

/// <summary>
/// Issue 13 acceptance: a synthetic cohort of 14 lesions shaped like the study's goes through the registry, the import
/// of its follow-up and covariates, the export, the analysis (checked against R's survival on the exported file) and the
/// report from the registry, each step through the voxdose executable as an operator runs it.
/// </summary>
public sealed class CohortFromRegistryEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fourteen_lesions_go_through_import_registry_export_analysis_and_report()
    {
        using var cohort = await StudyCohort.CreateAsync();
        StudyCohort.Voxdose("outcomes", "import", cohort.WriteFollowUpCsv(), "--config", cohort.ConfigFile, "--user", "e2e").EnsureSuccess();
        StudyCohort.Voxdose("outcomes", "import", cohort.WriteCovariatesCsv(), "--config", cohort.ConfigFile, "--user", "e2e").EnsureSuccess();

        // Export: one row per lesion, the registry's figures and the follow-up reduced to the study's end points.
        var exported = Path.Combine(cohort.Root, "out", "cohort.csv");
        var export = StudyCohort.Voxdose("cohort", "export", "--out", exported, "--config", cohort.ConfigFile).EnsureSuccess();
        Assert.Contains("14 lesion(s), 14 with follow-up", export.StdOut, StringComparison.Ordinal);
        var table = CohortTable.Read(exported);
        Assert.Equal(14, table.Rows.Count);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var roi = table.Rows[r].Cells[table.IndexOf("roiName")];
            var expected = cohort.Lesions.Single(l => l.RoiName == roi);
            double N(string column) => table.Number(r, table.IndexOf(column));
            Assert.Equal(expected.TdvGy, N("tdvGy"));
            Assert.Equal(expected.TdpGy!.Value, N("tdpGy"));
            Assert.Equal(expected.SizeCm, N("sizeCm"), 9);
            Assert.Equal(expected.CovPercent, N("covPercent"), 9);
            Assert.Equal(expected.PfsMonthsFromDays, N("pfsMonths"), 9);
            Assert.Equal(expected.PfsMonths, N("pfsMonths"), 1); // the example's months, to the day
            Assert.Equal(expected.Progression, table.Event(r, table.IndexOf("progression")));
            Assert.Equal(expected.LocalControl, table.Binary(r, table.IndexOf("localControl"), "0/1"));
            var n = int.Parse(expected.PatientId[1..], CultureInfo.InvariantCulture);
            Assert.Equal(50 + n, N("ageYears"));
            Assert.Equal(n % 2 == 0 ? "HBV" : "HCV", table.Rows[r].Cells[table.IndexOf("viralStatus")]);
            Assert.Equal("NA", table.Rows[r].Cells[table.IndexOf("bilirubinMgPerDl")]); // not imported: NA, never 0
        }

        // Analysis of the exported file, and R's survival package on the same file as the oracle.
        var analysisDir = Path.Combine(cohort.Root, "analysis");
        StudyCohort.Voxdose("cohort", "analyze", exported, "--time", "pfsMonths", "--event", "progression", "--group", "tdvGy", "--cutoff", "81",
            "--covariates", "tdvGy,sizeCm", "--out", analysisDir).EnsureSuccess();
        using var analysis = JsonDocument.Parse(File.ReadAllText(Path.Combine(analysisDir, "analysis.json")));
        var script = Path.Combine(cohort.Root, "oracle.R");
        File.WriteAllText(script, """
            suppressMessages(library(survival))
            d <- read.csv(commandArgs(TRUE)[1])
            d$g <- ifelse(d$tdvGy >= 81, "high", "low")
            s <- survdiff(Surv(pfsMonths, progression) ~ g, data = d)
            f <- coxph(Surv(pfsMonths, progression) ~ tdvGy + sizeCm, data = d, ties = "efron")
            r <- cor.test(d$tdvGy, d$pfsMonths, method = "spearman")
            cat(sprintf("%.15g", c(s$chisq, coef(f), sqrt(diag(vcov(f))), r$estimate, r$p.value)), sep = "\n")
            """);
        var fromR = ExternalTool.Run("Rscript", "--vanilla", script, exported).EnsureSuccess().StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var root = analysis.RootElement;
        Assert.Equal(14, root.GetProperty("input").GetProperty("rowsUsed").GetInt32());
        AssertRelative(fromR[0], root.GetProperty("logRank").GetProperty("chiSquare").GetDouble());
        var terms = root.GetProperty("cox").GetProperty("terms");
        AssertRelative(fromR[1], terms[0].GetProperty("coef").GetDouble());
        AssertRelative(fromR[2], terms[1].GetProperty("coef").GetDouble());
        AssertRelative(fromR[3], terms[0].GetProperty("stdErr").GetDouble());
        AssertRelative(fromR[4], terms[1].GetProperty("stdErr").GetDouble());
        AssertRelative(fromR[5], root.GetProperty("spearman").GetProperty("rho").GetDouble());
        Assert.Equal(fromR[6], root.GetProperty("spearman").GetProperty("p").GetDouble(), 6);

        // The report straight from the registry: Table 2, Kaplan-Meier by 81 Gy, boxes by local control, TDv vs PFS.
        var reportDir = Path.Combine(cohort.Root, "report");
        StudyCohort.Voxdose("cohort", "report", "--out", reportDir, "--config", cohort.ConfigFile).EnsureSuccess();
        var pdf = Path.Combine(reportDir, "cohort-report.pdf");
        var text = ExternalTool.Run("pdftotext", "-layout", pdf, "-").EnsureSuccess().StdOut;
        Assert.Contains("Table 2. Cox proportional hazards regression", text, StringComparison.Ordinal);
        Assert.Contains("lesion registry", text, StringComparison.Ordinal);
        Assert.Contains("Number at risk", text, StringComparison.Ordinal);
        Assert.Contains($"Spearman rho = {fromR[5].ToString("0.000", CultureInfo.InvariantCulture)}", text, StringComparison.Ordinal);
        foreach (var variable in new[] { "tdvGy", "tdpGy", "sizeCm", "sdGy", "covPercent" }) Assert.Contains(variable, text, StringComparison.Ordinal);
        var pages = ExternalTool.Run("pdfinfo", pdf).EnsureSuccess().StdOut.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        Assert.Equal("3", pages.Split(':')[1].Trim());
        output.WriteLine($"report: {pdf}");
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"expected {expected:R} (R), got {actual:R}");
}
