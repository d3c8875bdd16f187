using System.CommandLine;
using VoxDose.StoreScp.Cli.Cohort;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Cli.Cohort;

/// <summary><c>voxdose cohort report</c> on the 14-lesion cohort: a PDF whose text carries Table 2 and the tests' P values.</summary>
public sealed class CohortReportTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "docs", "examples", "cohort-14-lesions.csv");

    [Fact]
    public void The_report_holds_table_2_the_log_rank_p_numbers_at_risk_and_the_rank_tests()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-cohort-report");
        try
        {
            var root = new RootCommand("test") { CohortCommand.Create() };
            Assert.Equal(0, root.Parse(["cohort", "report", Example, "--out", dir]).Invoke());
            var pdf = Path.Combine(dir, "cohort-report.pdf");
            var text = ExternalTool.Run("pdftotext", "-layout", pdf, "-").EnsureSuccess().StdOut;

            var table = CohortTable.Read(Example);
            CohortAnalyzeCommand.TryOptions("pfsMonths", "progression", "tdvGy", "81", "tdvGy,tdpGy,sizeCm,sdGy,covPercent", "efron", out var options, out _);
            var report = CohortReportCommand.Build(table, options, "localControl", DateTimeOffset.UnixEpoch);

            Assert.Contains("Table 2. Cox proportional hazards regression", text);
            foreach (var row in report.Table2)
            {
                Assert.Contains(row.Variable, text);
                Assert.NotNull(row.Univariate);
            }
            Assert.Contains("not entered", text); // sdGy: univariate P > 0.05
            Assert.Contains("log-rank P < 0.001", text);
            Assert.Contains("Number at risk", text);
            Assert.Contains("Spearman rho = 0.916", text);
            Assert.Equal(5, report.Boxes.Count);
            Assert.All(report.Boxes, b => Assert.Equal(14, b.Success.Length + b.Failure.Length));
            Assert.Contains("tdvGy  (P = 0.001, exact)", string.Join("\n", report.Boxes.Select(b => $"{b.Variable}  (P = {b.Test!.P:0.000}{(b.Test.Exact ? ", exact" : "")})")));
            Assert.Equal(3, int.Parse(ExternalTool.Run("pdfinfo", pdf).EnsureSuccess().StdOut.Split('\n').First(l => l.StartsWith("Pages:")).Split(':')[1].Trim(),
                System.Globalization.CultureInfo.InvariantCulture));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
