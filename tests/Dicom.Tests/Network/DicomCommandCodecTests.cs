using System.Buffers.Binary;
using VoxDose.Dicom.Network.Dimse;

namespace VoxDose.Dicom.Tests.Network;

public class DicomCommandCodecTests
{
    [Fact]
    public void Command_set_is_implicit_little_endian_with_a_correct_group_length()
    {
        var bytes = DicomCommandCodec.Encode(DicomCommand.EchoRequest(7));
        // (0000,0000) UL, implicit VR: tag, 4-byte length 4, value = bytes after this element (PS3.7 6.3.1).
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((uint)(bytes.Length - 12), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        // Next element (0000,0002) Affected SOP Class UID, implicit: group, element, 4-byte length.
        Assert.Equal(0x0002, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(14)));
        Assert.Equal(18u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16))); // "1.2.840.10008.1.1" + NUL pad
    }

    [Fact]
    public void Store_request_round_trips_priority_and_move_originator()
    {
        var rq = DicomCommand.StoreRequest(42, DicomUids.PETImageStorage, "1.2.3.4.5", DimsePriority.High, "MOVER", 9);
        var back = DicomCommandCodec.Decode(DicomCommandCodec.Encode(rq));
        Assert.Equal(rq, back);
        var rsp = DicomCommand.StoreResponse(rq, DimseStatus.OutOfResources, new string('x', 100));
        var rspBack = DicomCommandCodec.Decode(DicomCommandCodec.Encode(rsp));
        Assert.Equal((ushort)42, rspBack.MessageIdBeingRespondedTo);
        Assert.Equal(DimseStatus.OutOfResources, rspBack.Status);
        Assert.False(rspBack.HasDataSet);
        Assert.Equal(64, rspBack.ErrorComment!.Length); // LO limit
    }

    [Fact]
    public void Garbage_command_set_is_a_protocol_error()
    {
        Assert.Throws<VoxDose.Dicom.Network.DicomProtocolException>(() => DicomCommandCodec.Decode(new byte[] { 8, 0, 0x16, 0, 4, 0, 0, 0, 1, 2, 3, 4 }));
        Assert.Throws<VoxDose.Dicom.Network.DicomProtocolException>(() => DicomCommandCodec.Decode(new byte[] { 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F }));
    }

    [Fact]
    public void Mutated_command_sets_decode_or_fail_only_as_protocol_errors()
    {
        var valid = DicomCommandCodec.Encode(DicomCommand.StoreRequest(3, DicomUids.PETImageStorage, "1.2.3.4.5.6", DimsePriority.Low, "MOVER", 4));
        var random = new Random(7);
        for (var round = 0; round < 3000; round++)
        {
            var bytes = (byte[])valid.Clone();
            for (var k = random.Next(1, 5); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            if (round % 3 == 0) bytes = bytes[..random.Next(bytes.Length)];
            try
            {
                DicomCommandCodec.Decode(bytes);
            }
            catch (VoxDose.Dicom.Network.DicomProtocolException)
            {
            }
        }
    }

    [Theory]
    [InlineData(DimseStatus.Success, true, false)]
    [InlineData(DimseStatus.CoercionOfDataElements, true, true)]
    [InlineData(DimseStatus.DataSetDoesNotMatchSopClassWarning, true, true)]
    [InlineData((ushort)0xA701, false, false)]
    [InlineData(DimseStatus.CannotUnderstand, false, false)]
    [InlineData(DimseStatus.SopClassNotSupported, false, false)]
    public void Status_categories_follow_ps3_4_b_2_3(ushort status, bool stored, bool warning)
    {
        Assert.Equal(stored, DimseStatus.IsStored(status));
        Assert.Equal(warning, DimseStatus.IsWarning(status));
    }
}
