using VoxDose.Dicom.Network.Client;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>
/// The SCU finds a file's SOP class and instance with a header-only read. Regression for the report that sending
/// pydicom's rtdose_rle*.dcm (every element UN in explicit VR, RLE Lossless) failed with "(0008,0016) has VR UN, which
/// is not text", and for priv_SQ.dcm (a private UN sequence, no SOP UIDs in the data set).
/// </summary>
public class SendHeaderProbeTests
{
    private static string Corpus(string name) => Path.Combine(TestPaths.PydicomTestFiles, name);

    [Theory]
    [InlineData("rtdose_rle.dcm", 15)]
    [InlineData("rtdose_rle_1frame.dcm", 1)]
    public async Task Rtdose_rle_with_UN_SOP_class_is_probed_and_stored_unchanged_regression(string name, int frames)
    {
        var probe = SendableFile.Probe(Corpus(name));
        Assert.Equal(DicomUids.RTDoseStorage, probe.SopClassUid);
        Assert.Equal("1.9.999.999.99.9.9999.9999.20030818153516", probe.SopInstanceUid);
        Assert.Equal(DicomUids.RLELossless, probe.TransferSyntax.Uid);

        await using var scp = await ScpHarness.StartAsync();
        var results = await DicomClient.SendAsync(scp.Client(), [Corpus(name)]);
        var result = Assert.Single(results);
        Assert.True(result.Succeeded, result.ToString());

        var sent = DicomFile.Open(Corpus(name));
        var stored = DicomFile.Open(Path.Combine(scp.OutDirectory, probe.SopInstanceUid + ".dcm"));
        Assert.Equal(DicomUids.RLELossless, stored.TransferSyntax.Uid);
        Assert.Null(DatasetDifference.Find(sent.Dataset, stored.Dataset));
        Assert.Equal(frames, stored.Dataset.Find(DicomTag.PixelData)!.Fragments!.Fragments.Count);
    }

    [Fact]
    public async Task Priv_SQ_without_SOP_UIDs_in_its_data_set_is_probed_from_the_meta_group_and_refused_by_the_scp_regression()
    {
        // priv_SQ.dcm holds only a private creator and a private UN sequence: the probe takes the SOP UIDs from the meta
        // group, and the SCP refuses the data set because it does not carry them (PS3.4 B.2.3, A900).
        var probe = SendableFile.Probe(Corpus("priv_SQ.dcm"));
        Assert.Equal(DicomUids.MRImageStorage, probe.SopClassUid);
        Assert.Equal("1.1.111.111111.1.111.1111111111.1111.1111111111.111", probe.SopInstanceUid);

        await using var scp = await ScpHarness.StartAsync();
        var result = Assert.Single(await DicomClient.SendAsync(scp.Client(), [Corpus("priv_SQ.dcm")]));
        Assert.Equal(DimseStatus.DataSetDoesNotMatchSopClass, result.Status);
        Assert.Empty(scp.StoredFiles());
    }
}
