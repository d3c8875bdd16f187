using System.Text;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Dicom.Network.Server;
using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.Network;

/// <summary>
/// Issue 11, "Truncated data sets acknowledged" and "Internal errors instead of protocol answers": each malformed
/// input gets a PS3.8 answer or a DIMSE failure status, one warning line and no error-level log.
/// </summary>
[Collection("NetworkLoad")]
public class MalformedStoreTests
{
    private static readonly PresentationContextProposal PetContext = new(1, DicomUids.PETImageStorage, [DicomUids.ExplicitVRLittleEndian]);

    [Fact]
    public async Task Truncated_data_set_is_refused_with_A900_and_never_stored_regression()
    {
        // The bug: a data set cut inside Pixel Data was answered 0000 and stored (its header parsed).
        await using var scp = await ScpHarness.StartAsync();
        await using var peer = await RawPeer.ConnectAsync(scp.Port);
        await peer.AssociateAsync(ScpHarness.AeTitle, PetContext);
        var dataset = SyntheticDicom.PetImage(0, 16, 16);
        var uid = dataset.GetString(DicomTag.SOPInstanceUID)!;
        var bytes = DicomDatasetWriter.ToBytes(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        foreach (var (cut, id) in new[] { (bytes.Length - 100, 1), (bytes.Length - 514, 2), (bytes.Length - 3, 3) })
        {
            var response = await StoreAsync(peer, (ushort)id, uid, bytes[..cut]);
            Assert.Equal(DimseStatus.DataSetDoesNotMatchSopClass, response.Status);
            Assert.Contains("ends inside", response.ErrorComment, StringComparison.Ordinal);
        }
        Assert.Empty(scp.StoredFiles());
        // The whole data set on the same association is stored.
        Assert.Equal(DimseStatus.Success, (await StoreAsync(peer, 4, uid, bytes)).Status);
        Assert.Single(scp.StoredFiles());
        Assert.Empty(scp.Log.Errors);
    }

    [Fact]
    public async Task Data_set_with_an_unclosed_sequence_is_refused_regression()
    {
        await using var scp = await ScpHarness.StartAsync();
        await using var peer = await RawPeer.ConnectAsync(scp.Port);
        await peer.AssociateAsync(ScpHarness.AeTitle, PetContext);
        var dataset = SyntheticDicom.PetImage(0, 2, 2);
        dataset.Remove(DicomTag.PixelData);
        var head = DicomDatasetWriter.ToBytes(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        // (0054,0016) SQ of undefined length with one undefined-length item, never delimited.
        byte[] openSequence = [0x54, 0x00, 0x16, 0x00, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF];
        var response = await StoreAsync(peer, 1, dataset.GetString(DicomTag.SOPInstanceUID)!, [.. head, .. openSequence]);
        Assert.Equal(DimseStatus.DataSetDoesNotMatchSopClass, response.Status);
        Assert.Empty(scp.StoredFiles());
    }

    [Fact]
    public async Task Calling_AE_title_of_spaces_is_rejected_not_aborted_regression()
    {
        // The bug: a calling AE title of 16 spaces threw in PduEncoder.AeTitleField when we answered, and the
        // association was aborted with a 3 KB stack trace at error level.
        await using var scp = await ScpHarness.StartAsync();
        await using var peer = await RawPeer.ConnectAsync(scp.Port);
        await peer.SendAsync(new AssociateRequestPdu
        {
            CalledAeTitle = ScpHarness.AeTitle,
            CallingAeTitle = new string(' ', 16),
            PresentationContexts = [PetContext],
            UserInformation = new UserInformation { MaxPduLength = 16384 },
        });
        var reject = Assert.IsType<AssociateRejectPdu>(await peer.ReceiveAsync());
        Assert.Equal((RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CallingAeTitleNotRecognized), (reject.Result, reject.Source, reject.Reason));
        Assert.Empty(scp.Log.Errors);
    }

    [Fact]
    public async Task Non_ASCII_byte_in_the_command_SOP_UID_gets_C000_not_an_abort_regression()
    {
        // The bug: a non-ASCII byte in the command's Affected SOP Instance UID threw in Part10Header and aborted.
        await using var scp = await ScpHarness.StartAsync();
        await using var peer = await RawPeer.ConnectAsync(scp.Port);
        await peer.AssociateAsync(ScpHarness.AeTitle, PetContext);
        var command = DicomCommandCodec.Encode(DicomCommand.StoreRequest(1, DicomUids.PETImageStorage, "1.2.3.4"));
        var at = command.AsSpan().IndexOf("1.2.3.4"u8);
        command[at + 4] = 0xE9; // "1.2.\xE9.4"
        var data = DicomDatasetWriter.ToBytes(SyntheticDicom.PetImage(0, 4, 4), DicomTransferSyntax.ExplicitVRLittleEndian);
        await peer.SendAsync(RawPeer.DataPdu(1, true, true, command));
        await peer.SendAsync(RawPeer.DataPdu(1, false, true, data));
        var answer = Assert.IsType<DataTransferPdu>(await peer.ReceiveAsync());
        var response = DicomCommandCodec.Decode(answer.Values[0].Data.Span);
        Assert.Equal(DimseStatus.CannotUnderstand, response.Status);
        Assert.Empty(scp.StoredFiles());
        Assert.Empty(scp.Log.Errors);
        // The association still serves.
        var ok = SyntheticDicom.PetImage(1, 4, 4);
        Assert.Equal(DimseStatus.Success, (await StoreAsync(peer, 2, ok.GetString(DicomTag.SOPInstanceUID)!,
            DicomDatasetWriter.ToBytes(ok, DicomTransferSyntax.ExplicitVRLittleEndian))).Status);
    }

    private static async Task<DicomCommand> StoreAsync(RawPeer peer, ushort messageId, string sopInstanceUid, byte[] dataSet)
    {
        await peer.SendAsync(RawPeer.DataPdu(1, true, true, DicomCommandCodec.Encode(DicomCommand.StoreRequest(messageId, DicomUids.PETImageStorage, sopInstanceUid))));
        for (var offset = 0; offset < dataSet.Length; offset += 8000)
        {
            var end = Math.Min(dataSet.Length, offset + 8000);
            await peer.SendAsync(RawPeer.DataPdu(1, false, end == dataSet.Length, dataSet[offset..end]));
        }
        var answer = Assert.IsType<DataTransferPdu>(await peer.ReceiveAsync());
        var response = DicomCommandCodec.Decode(answer.Values[0].Data.Span);
        Assert.Equal(messageId, response.MessageIdBeingRespondedTo);
        return response;
    }
}
