using System.Xml.Linq;
using VoxDose.Reporting;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>
/// Issue 17, "What a radiologist sees in PACS": SR values carried 15 significant digits ("43.0275712924137 Gy"). Read back
/// with DCMTK's dsr2xml, every numeric item is now rounded to what the measurement supports (docs/reporting.md): doses to
/// 0.1 Gy, volumes to 0.1 mL, percentages to 0.1 %, lengths to 0.1 mm, ratios to 3 and uncertainties to 2 significant
/// figures; the SR still validates with dciodvfy.
/// </summary>
public class SrNumberPrecisionTests(ITestOutputHelper output)
{
    [Fact]
    public void Sr_numbers_are_rounded_to_what_the_measurement_supports_not_15_digits()
    {
        var report = SyntheticReport.Create();
        var first = report.Rois[0];
        // The value seen in PACS before the fix.
        report = report with { Rois = [first with { Metrics = first.Metrics with { MeanGy = 43.0275712924137 } }, .. report.Rois.Skip(1)] };
        var dir = TestPaths.NewTempDirectory("voxdose-sr-precision");
        try
        {
            var outputs = ReportWriter.WriteAll(report, dir);
            var xml = ExternalTool.Run("dsr2xml", outputs.SrPath).EnsureSuccess().StdOut;
            Assert.DoesNotContain("43.0275712924137", xml, StringComparison.Ordinal);
            var nums = XDocument.Parse(xml).Descendants("num")
                .Select(n => (Concept: (string?)n.Element("concept")?.Element("meaning") ?? "", Value: (string)n.Element("value")!,
                    Unit: (string?)n.Element("unit")?.Element("value") ?? ""))
                .ToList();
            Assert.True(nums.Count > 20, $"dsr2xml found {nums.Count} numeric items");
            foreach (var n in nums) output.WriteLine($"{n.Concept}: {n.Value} {n.Unit}");
            Assert.Contains(nums, n => n.Value == "43" && n.Unit == "Gy"); // 43.0275712924137 Gy -> 43.0 Gy, written "43"
            foreach (var n in nums)
            {
                var uncertainty = n.Concept.Contains("uncertainty", StringComparison.OrdinalIgnoreCase);
                if (uncertainty) Assert.True(SignificantFigures(n.Value) <= 2, $"{n.Concept} = {n.Value} {n.Unit}: more than 2 significant figures");
                else if (n.Unit is "Gy" or "ml" or "%" or "mm") Assert.True(Decimals(n.Value) <= 1, $"{n.Concept} = {n.Value} {n.Unit}: more than 1 decimal");
                else Assert.True(SignificantFigures(n.Value) <= 4, $"{n.Concept} = {n.Value} {n.Unit}: more than 4 significant figures");
            }
            var check = Dciodvfy.Run(outputs.SrPath);
            output.WriteLine(string.Join(" | ", check.Errors.Concat(check.Warnings.Distinct())));
            Assert.False(check.Aborted, check.Raw);
            Assert.Empty(check.Errors);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static int Decimals(string value) => value.Contains('.', StringComparison.Ordinal) ? value.Length - value.IndexOf('.', StringComparison.Ordinal) - 1 : 0;

    private static int SignificantFigures(string value)
    {
        var mantissa = value.Split('E', 'e')[0].TrimStart('-').Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        if (!value.Contains('.', StringComparison.Ordinal)) mantissa = mantissa.TrimEnd('0');
        return Math.Max(1, mantissa.Length);
    }
}
