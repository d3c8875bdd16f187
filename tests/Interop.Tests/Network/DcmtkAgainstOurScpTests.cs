using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Network;

/// <summary>Interop: DCMTK echoscu/storescu and GDCM gdcmscu as SCUs against our in-process SCP.</summary>
public class DcmtkAgainstOurScpTests
{
    [Fact]
    public async Task Dcmtk_echoscu_gets_success()
    {
        await using var scp = await InProcessScp.StartAsync();
        var result = ExternalTool.Run("echoscu", ["-v", "-aec", InProcessScp.AeTitle, "127.0.0.1", scp.Port.ToString()], TimeSpan.FromSeconds(30)).EnsureSuccess();
        Assert.Contains("Success", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-xe", "4096")]
    [InlineData("-xi", "131072")]
    [InlineData("-xs", "131072")]
    [InlineData("-x=", "16384")]
    public async Task Dcmtk_storescu_directory_send_is_stored_unchanged(string proposal, string maxPdu)
    {
        var (dir, files) = InteropData.CreateMixedFolder();
        await using var scp = await InProcessScp.StartAsync(maxPduLength: uint.Parse(maxPdu));
        ExternalTool.Run("storescu", ["-aec", InProcessScp.AeTitle, "-aet", "DCMTKSCU", "+sd", "+r", proposal, "--max-pdu", maxPdu,
            "127.0.0.1", scp.Port.ToString(), dir], TimeSpan.FromSeconds(90)).EnsureSuccess();
        Assert.Equal(files.Count, scp.StoredFiles().Length);
        InteropData.AssertAllStored(files, scp.StoredFiles());
    }

    [Fact]
    public async Task Dcmtk_storescu_jpeg_lossless_file_is_accepted_natively()
    {
        await using var scp = await InProcessScp.StartAsync();
        var file = Path.Combine(TestPaths.PydicomTestFiles, "SC_rgb_jpeg_gdcm.dcm"); // JPEG Lossless 1.2.840.10008.1.2.4.70
        ExternalTool.Run("storescu", ["-aec", InProcessScp.AeTitle, "-xs", "127.0.0.1", scp.Port.ToString(), file], TimeSpan.FromSeconds(30)).EnsureSuccess();
        var stored = Assert.Single(scp.StoredFiles());
        Assert.Equal("1.2.840.10008.1.2.4.70", VoxDose.Dicom.DicomFile.Open(stored).TransferSyntax.Uid);
        DatasetComparer.AssertSameFile(file, stored);
    }

    [Fact]
    public async Task Gdcm_gdcmscu_store_is_stored_unchanged()
    {
        var (dir, files) = InteropData.CreateMixedFolder(petCount: 3);
        await using var scp = await InProcessScp.StartAsync();
        var result = ExternalTool.Run("gdcmscu", ["--store", "--call", InProcessScp.AeTitle, "--aetitle", "GDCMSCU", "-r", "-i", dir, "127.0.0.1", scp.Port.ToString()],
            TimeSpan.FromSeconds(90));
        // Debian's gdcmscu 3.0 aborts (exit 134, "ProtocolStream as nullptr is invalid") after releasing, against DCMTK's
        // storescp too; only that known crash is tolerated, the stored instances are what is checked.
        if (result.ExitCode != 0) Assert.Contains("ProtocolStream as nullptr is invalid", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(files.Count, scp.StoredFiles().Length);
        InteropData.AssertAllStored(files, scp.StoredFiles());
    }
}
