using VoxDose.StoreScp.Configuration;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Configuration;

/// <summary>The partial-volume and uncertainty settings of the node: a per-model FWHM map and a recovery table bind and validate.</summary>
public class PartialVolumeConfigurationTests
{
    private static string Write(string json)
    {
        var file = Path.Combine(TestPaths.NewTempDirectory("voxdose-config"), "node.json");
        File.WriteAllText(file, json);
        return file;
    }

    [Fact]
    public void Scanner_fwhm_per_model_and_a_recovery_table_bind()
    {
        var file = Write("""
            { "VoxDose": { "Storage": { "Root": "/tmp/voxdose-pv" }, "Dosimetry": { "PartialVolume": {
                "ScannerFwhmMm": { "Biograph mCT": 7.5 },
                "RecoveryTable": [ { "VolumeMl": 1, "Rc": 0.3 }, { "VolumeMl": 26.5, "Rc": 0.86 } ] },
              "Uncertainty": { "TimingS": 120 } } } }
            """);
        var (_, options) = NodeConfiguration.Load(file, includeEnvironment: false);
        var pv = options.Dosimetry.PartialVolume;
        Assert.Equal(7.5, pv.ResolutionFor("biograph mct").FwhmMm);
        Assert.Equal([1.0, 26.5], pv.RecoveryTable.Select(p => p.VolumeMl));
        Assert.Equal(120, options.Dosimetry.Uncertainty.TimingS);
    }

    [Fact]
    public void A_recovery_table_out_of_order_is_an_error_with_its_path()
    {
        var file = Write("""
            { "VoxDose": { "Storage": { "Root": "/tmp/voxdose-pv" }, "Dosimetry": { "PartialVolume": {
                "RecoveryTable": [ { "VolumeMl": 5, "Rc": 0.5 }, { "VolumeMl": 1, "Rc": 0.3 } ] } } } }
            """);
        var e = Assert.Throws<InvalidConfigurationException>(() => NodeConfiguration.Load(file, includeEnvironment: false));
        Assert.Contains(e.Errors, x => x.Contains("Dosimetry:PartialVolume:RecoveryTable:1:VolumeMl", StringComparison.Ordinal));
    }
}
