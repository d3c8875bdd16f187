namespace VoxDose.Dicom.Tests.Data;

public class PrivateBlockTests
{
    [Fact]
    public void Reserving_finds_the_first_free_block_and_reuses_a_creators_block()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomTag(0x0029, 0x0010), DicomVR.LO, "SIEMENS CSA HEADER");
        var block = ds.ReservePrivateBlock(0x0029, "VOXDOSE 1.0");
        Assert.Equal(0x11, block);
        Assert.Equal(0x11, ds.ReservePrivateBlock(0x0029, "VOXDOSE 1.0"));
        Assert.Equal("VOXDOSE 1.0", ds.GetString(new DicomTag(0x0029, 0x0011)));

        var tag = ds.ReservePrivateTag(0x0029, "VOXDOSE 1.0", 0x01);
        Assert.Equal(new DicomTag(0x0029, 0x1101), tag);
        ds.AddOrUpdate(tag, DicomVR.DS, 81.0);
        Assert.Equal(81.0, ds.GetDouble(ds.FindPrivateTag(0x0029, "VOXDOSE 1.0", 0x01)!.Value));
        Assert.Equal("VOXDOSE 1.0", ds.GetPrivateCreator(tag));
        Assert.NotNull(ds.FindPrivate(0x0029, "VOXDOSE 1.0", 0x01));
        Assert.Null(ds.FindPrivate(0x0029, "OTHER", 0x01));
        Assert.Null(ds.FindPrivateBlock(0x0031, "VOXDOSE 1.0"));
    }

    [Fact]
    public void Creators_are_matched_after_trimming_padding()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomTag(0x0009, 0x0010), DicomVR.LO, "GEMS_IDEN_01 ");
        Assert.Equal((byte)0x10, ds.FindPrivateBlock(0x0009, "GEMS_IDEN_01"));
    }

    [Fact]
    public void Even_groups_are_not_private() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomDataset().ReservePrivateBlock(0x0010, "X"));

    [Fact]
    public void Private_elements_of_a_real_file_are_read_by_creator()
    {
        var ds = DicomFile.Open(Path.Combine(VoxDose.Tests.Shared.TestPaths.PydicomTestFiles, "CT_small.dcm")).Dataset;
        var element = ds.FindPrivate(0x0009, "GEMS_IDEN_01", 0x01)!;
        Assert.Equal(DicomVR.LO, element.VR);
        Assert.Equal("GE_GENESIS_FF", ds.GetString(element.Tag));
    }
}
