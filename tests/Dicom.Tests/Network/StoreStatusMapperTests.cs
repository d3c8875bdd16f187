using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Server;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>Issue 10, "DICOM statuses are decided in four places with two constant tables": one mapper, one table.</summary>
public class StoreStatusMapperTests
{
    [Theory]
    [InlineData(StoreOutcome.Stored, 0x0000)]
    [InlineData(StoreOutcome.OutOfResources, 0xA700)]
    [InlineData(StoreOutcome.DataSetIncomplete, 0xA900)]
    [InlineData(StoreOutcome.DataSetDoesNotMatchSopClass, 0xA900)]
    [InlineData(StoreOutcome.DataSetUnreadable, 0xC000)]
    [InlineData(StoreOutcome.CannotUnderstand, 0xC000)]
    [InlineData(StoreOutcome.SopClassNotSupported, 0x0122)]
    [InlineData(StoreOutcome.ProcessingFailure, 0x0110)]
    public void Every_store_outcome_maps_to_its_PS3_4_status_and_back(StoreOutcome outcome, int status)
    {
        Assert.Equal((ushort)status, StoreStatusMapper.StatusOf(outcome));
        var back = StoreStatusMapper.OutcomeOf((ushort)status);
        Assert.Equal((ushort)status, StoreStatusMapper.StatusOf(back));
    }

    [Fact]
    public void Error_comment_is_cut_to_64_characters()
    {
        var response = StoreStatusMapper.Response(StoreOutcome.DataSetIncomplete, new string('x', 100));
        Assert.Equal(64, response.ErrorComment!.Length);
    }
}
