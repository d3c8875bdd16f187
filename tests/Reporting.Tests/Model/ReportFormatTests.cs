using VoxDose.Dicom;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Tests.Model;

/// <summary>Issue 17: the rounding rule of the SR and PDF (docs/reporting.md, "Numbers"), and how a DS then writes the value.</summary>
public class ReportFormatTests
{
    [Theory]
    [InlineData(43.0275712924137, "Gy", 43.0, "43")]
    [InlineData(4.8123, "Gy", 4.8, "4.8")]
    [InlineData(143.25, "Gy", 143.3, "143.3")] // half away from zero, on the decimal value
    [InlineData(0.04, "Gy", 0.0, "0")]
    [InlineData(26.14999, "ml", 26.1, "26.1")]
    [InlineData(48.5555, "%", 48.6, "48.6")]
    [InlineData(19.96, "mm", 20.0, "20")]
    [InlineData(0.1036489, "{ratio}", 0.104, "0.104")]
    [InlineData(0.05941, "{ratio}", 0.0594, "0.0594")]
    [InlineData(2345.678, "MBq", 2346, "2346")]
    public void A_value_is_rounded_by_its_unit_and_written_short(double value, string unit, double expected, string ds)
    {
        var rounded = ReportFormat.Round(value, unit);
        Assert.Equal(expected, rounded);
        Assert.Equal(ds, DicomNumberText.FormatDecimalString(rounded));
    }

    [Fact]
    public void The_pdf_prints_the_decimals_the_sr_rounds_to()
    {
        Assert.Equal("43.0", ReportFormat.Gy(43.0275712924137));
        Assert.Equal(ReportFormat.Gy(43.0275712924137), ReportFormat.Gy(ReportFormat.Round(43.0275712924137, "Gy")));
        Assert.Equal("26.1", ReportFormat.Ml(26.14999));
        Assert.Equal("48.6", ReportFormat.Percent(48.5555));
    }

    [Fact]
    public void Uncertainties_keep_two_significant_figures_so_a_small_one_does_not_read_zero()
    {
        Assert.Equal(0.071, ReportFormat.Significant(0.0712345, ReportFormat.UncertaintySignificantFigures));
        Assert.Equal(7.2, ReportFormat.Significant(7.2468, ReportFormat.UncertaintySignificantFigures));
        Assert.Equal(0, ReportFormat.Significant(0, 2));
    }
}
