using System.Buffers.Binary;
using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Tests.Network;

public class PduCodecTests
{
    private static readonly PduLimits Limits = new() { MaxDataPduLength = 16384 };

    private static async Task<Pdu?> RoundTrip(Pdu pdu) =>
        await new PduReader(new MemoryStream(PduEncoder.Encode(pdu)), Limits).ReadAsync(CancellationToken.None);

    [Fact]
    public async Task Associate_request_round_trips_every_field()
    {
        var rq = new AssociateRequestPdu
        {
            CalledAeTitle = "ORTHANC",
            CallingAeTitle = "VOXDOSE",
            PresentationContexts =
            [
                new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
                new(3, "1.2.840.10008.5.1.4.1.1.128", [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]),
            ],
            UserInformation = new UserInformation
            {
                MaxPduLength = 32768,
                ImplementationClassUid = "1.2.3.4",
                ImplementationVersionName = "TEST_1",
                AsyncOperations = (5, 3),
                RoleSelections = [new RoleSelection("1.2.840.10008.5.1.4.1.1.128", true, true)],
                ExtendedNegotiations = [new ExtendedNegotiation("1.2.840.10008.5.1.4.1.1.128", [1, 0, 1])],
                OtherItems = [new RawUserItem(0x58, [1, 0, 0, 4, (byte)'u', (byte)'s', (byte)'e', (byte)'r', 0, 0])],
            },
        };
        var back = Assert.IsType<AssociateRequestPdu>(await RoundTrip(rq));
        Assert.Equal("ORTHANC", back.CalledAeTitle);
        Assert.Equal("VOXDOSE", back.CallingAeTitle);
        Assert.Equal(DicomUids.DicomApplicationContext, back.ApplicationContextName);
        Assert.Equal(2, back.PresentationContexts.Count);
        Assert.Equal(3, back.PresentationContexts[1].Id);
        Assert.Equal(rq.PresentationContexts[1].TransferSyntaxes, back.PresentationContexts[1].TransferSyntaxes);
        Assert.Equal(32768u, back.UserInformation.MaxPduLength);
        Assert.Equal("1.2.3.4", back.UserInformation.ImplementationClassUid);
        Assert.Equal("TEST_1", back.UserInformation.ImplementationVersionName);
        Assert.Equal(((ushort)5, (ushort)3), back.UserInformation.AsyncOperations);
        Assert.Equal(rq.UserInformation.RoleSelections, back.UserInformation.RoleSelections);
        Assert.Equal([1, 0, 1], back.UserInformation.ExtendedNegotiations[0].ApplicationInformation);
        Assert.Equal(0x58, back.UserInformation.OtherItems[0].ItemType);
    }

    [Fact]
    public void Associate_request_has_the_fixed_layout_of_ps3_8_table_9_11()
    {
        var bytes = PduEncoder.Encode(new AssociateRequestPdu { CalledAeTitle = "A", CallingAeTitle = "B" });
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal((uint)bytes.Length - 6, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(6)));
        Assert.Equal("A               ", System.Text.Encoding.ASCII.GetString(bytes, 10, 16));
        Assert.Equal("B               ", System.Text.Encoding.ASCII.GetString(bytes, 26, 16));
        Assert.Equal(0x10, bytes[74]); // application context item right after 32 reserved bytes
    }

    [Fact]
    public async Task Accept_reject_release_abort_round_trip()
    {
        var ac = new AssociateAcceptPdu
        {
            CalledAeTitle = "X",
            CallingAeTitle = "Y",
            PresentationContexts = [new(1, PresentationContextResult.Acceptance, DicomUids.ExplicitVRLittleEndian), new(3, PresentationContextResult.AbstractSyntaxNotSupported, DicomUids.ImplicitVRLittleEndian)],
            UserInformation = new UserInformation { MaxPduLength = 0 },
        };
        var acBack = Assert.IsType<AssociateAcceptPdu>(await RoundTrip(ac));
        Assert.Equal(ac.PresentationContexts, acBack.PresentationContexts);
        Assert.Equal(0u, acBack.UserInformation.MaxPduLength);

        var rj = Assert.IsType<AssociateRejectPdu>(await RoundTrip(AssociateRejectPdu.CalledAeNotRecognized));
        Assert.Equal((RejectResult.Permanent, RejectSource.ServiceUser, (byte)7), (rj.Result, rj.Source, rj.Reason));
        Assert.IsType<ReleaseRequestPdu>(await RoundTrip(ReleaseRequestPdu.Instance));
        Assert.IsType<ReleaseResponsePdu>(await RoundTrip(ReleaseResponsePdu.Instance));
        Assert.Equal(new AbortPdu(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu), await RoundTrip(new AbortPdu(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu)));
    }

    [Theory]
    [InlineData(4096u, 100_000)]
    [InlineData(131072u, 1_000_000)]
    [InlineData(0u, 3_000_000)]
    [InlineData(16384u, 16378)] // exactly one full fragment
    public async Task Messages_are_fragmented_to_the_peer_maximum_and_reassemble(uint peerMax, int datasetLength)
    {
        var command = Enumerable.Range(0, 150).Select(i => (byte)i).ToArray();
        var dataset = new byte[datasetLength];
        for (var i = 0; i < dataset.Length; i++) dataset[i] = (byte)(i * 7);
        var wire = new MemoryStream();
        using (var writer = new PduWriter(wire) { PeerMaxPduLength = peerMax })
            await writer.WriteMessageAsync(5, command, new MemoryStream(dataset), CancellationToken.None);

        wire.Position = 0;
        var reader = new PduReader(wire, new PduLimits { MaxDataPduLength = peerMax == 0 ? uint.MaxValue : peerMax });
        var gotCommand = new MemoryStream();
        var gotData = new MemoryStream();
        var lastCommand = false;
        var lastData = false;
        while (await reader.ReadAsync(CancellationToken.None) is DataTransferPdu pdu)
        {
            foreach (var pdv in pdu.Values)
            {
                Assert.Equal(5, pdv.ContextId);
                Assert.False(lastData);
                if (pdv.IsCommand) { Assert.False(lastCommand); gotCommand.Write(pdv.Data.Span); lastCommand = pdv.IsLastFragment; }
                else { Assert.True(lastCommand); gotData.Write(pdv.Data.Span); lastData = pdv.IsLastFragment; }
                if (peerMax != 0) Assert.True(pdv.Data.Length + 6 <= peerMax);
            }
        }
        Assert.True(lastData);
        Assert.Equal(command, gotCommand.ToArray());
        Assert.True(dataset.AsSpan().SequenceEqual(gotData.ToArray()), "data set bytes differ after reassembly");
    }

    [Fact]
    public async Task Concurrent_messages_are_never_interleaved()
    {
        var wire = new MemoryStream();
        using (var writer = new PduWriter(wire) { PeerMaxPduLength = 4096 })
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
                writer.WriteMessageAsync((byte)(2 * i + 1), new byte[300], new MemoryStream(new byte[50_000]), CancellationToken.None))));
        }
        wire.Position = 0;
        var reader = new PduReader(wire, Limits);
        byte? current = null;
        var messages = 0;
        while (await reader.ReadAsync(CancellationToken.None) is DataTransferPdu pdu)
        {
            foreach (var pdv in pdu.Values)
            {
                current ??= pdv.ContextId;
                Assert.Equal(current, pdv.ContextId); // a message runs to its last data fragment before another starts
                if (!pdv.IsCommand && pdv.IsLastFragment) { current = null; messages++; }
            }
        }
        Assert.Equal(8, messages);
    }

    [Theory]
    [InlineData(new byte[] { 0x09, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, AbortReason.UnrecognizedPdu)]
    [InlineData(new byte[] { 0x04, 0, 0xFF, 0xFF, 0xFF, 0xFF }, AbortReason.InvalidPduParameterValue)]
    [InlineData(new byte[] { 0x05, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0 }, AbortReason.InvalidPduParameterValue)]
    [InlineData(new byte[] { 0x04, 0, 0, 0, 0, 8, 0, 0, 0, 9, 1, 3, 0, 0 }, AbortReason.InvalidPduParameterValue)] // PDV overruns
    public async Task Malformed_pdus_are_protocol_errors_with_the_abort_reason(byte[] wire, AbortReason reason)
    {
        var e = await Assert.ThrowsAsync<DicomProtocolException>(() => new PduReader(new MemoryStream(wire), Limits).ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public async Task Mutated_association_requests_decode_or_fail_only_as_protocol_errors()
    {
        var valid = PduEncoder.Encode(new AssociateRequestPdu
        {
            CalledAeTitle = "A",
            CallingAeTitle = "B",
            PresentationContexts = [new(1, DicomUids.PETImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
            UserInformation = new UserInformation
            {
                MaxPduLength = 16384, ImplementationClassUid = "1.2.3", AsyncOperations = (2, 2),
                RoleSelections = [new RoleSelection(DicomUids.PETImageStorage, true, false)],
                ExtendedNegotiations = [new ExtendedNegotiation(DicomUids.PETImageStorage, [1, 1])],
            },
        });
        var random = new Random(42);
        for (var round = 0; round < 2000; round++)
        {
            var bytes = (byte[])valid.Clone();
            for (var k = random.Next(1, 6); k > 0; k--) bytes[random.Next(6, bytes.Length)] = (byte)random.Next(256);
            try
            {
                await new PduReader(new MemoryStream(bytes), Limits).ReadAsync(CancellationToken.None);
            }
            catch (DicomProtocolException)
            {
            }
        }
    }

    [Fact]
    public async Task Truncated_pdu_is_a_protocol_error_and_clean_eof_is_null()
    {
        await Assert.ThrowsAsync<DicomProtocolException>(() => new PduReader(new MemoryStream([0x04, 0, 0, 0, 0, 20, 0, 0]), Limits).ReadAsync(CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<DicomProtocolException>(() => new PduReader(new MemoryStream([0x04, 0, 0]), Limits).ReadAsync(CancellationToken.None).AsTask());
        Assert.Null(await new PduReader(new MemoryStream(), Limits).ReadAsync(CancellationToken.None));
    }
}
