using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Tests.Configuration;

/// <summary>Issue 17 bug item: the fused secondary capture was computed but could not be exported (Outputs accepted only RtDose, Sr, Pdf).</summary>
public sealed class ScExportOptionTests
{
    [Fact]
    public void Secondary_capture_is_an_export_option_of_outputs_and_destinations()
    {
        var options = new VoxDoseOptions();
        options.Processing.Outputs.AddRange(["RtDose", "Sr", "Pdf", "Sc"]);
        options.Destinations.Add(new DestinationOptions { Name = "pacs", AeTitle = "PACS", Host = "127.0.0.1", Port = 104, Objects = ["Sc"] });
        Assert.Empty(VoxDoseOptionsValidator.Collect(options.ApplyListDefaults()));

        var wrong = new VoxDoseOptions();
        wrong.Processing.Outputs.Add("Screenshot");
        Assert.Contains(VoxDoseOptionsValidator.Collect(wrong.ApplyListDefaults()), e => e.Contains("'Screenshot' is not one of RtDose, Sr, Pdf, Sc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(32, true)]
    [InlineData(24, false)]
    public void RT_Dose_bits_are_a_setting_of_16_or_32(int bits, bool valid)
    {
        var options = new VoxDoseOptions();
        options.Processing.RtDoseBitsAllocated = bits;
        var errors = VoxDoseOptionsValidator.Collect(options.ApplyListDefaults());
        Assert.Equal(valid, !errors.Any(e => e.Contains("RtDoseBitsAllocated", StringComparison.Ordinal)));
    }
}
