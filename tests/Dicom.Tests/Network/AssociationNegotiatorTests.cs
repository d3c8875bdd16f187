using System.Net;
using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Tests.Network;

public class AssociationNegotiatorTests
{
    private const string CtImage = "1.2.840.10008.5.1.4.1.1.2";
    private const string PetImage = "1.2.840.10008.5.1.4.1.1.128";
    private const string JpegLossless = "1.2.840.10008.1.2.4.70";

    private static AssociationInfo Info(AssociateRequestPdu rq, string host = "127.0.0.1") =>
        new(rq.CalledAeTitle, rq.CallingAeTitle, new IPEndPoint(IPAddress.Parse(host), 1234), rq);

    private static AssociateRequestPdu Request(string called = "VOXDOSE", string calling = "SCU", params PresentationContextProposal[] contexts) =>
        new() { CalledAeTitle = called, CallingAeTitle = calling, PresentationContexts = contexts };

    [Fact]
    public void Unknown_called_ae_is_rejected_permanent_service_user_reason_7()
    {
        var rj = AssociationNegotiator.CheckRequest(Info(Request("OTHER")), new AcceptPolicy());
        Assert.NotNull(rj);
        Assert.Equal((RejectResult.Permanent, RejectSource.ServiceUser, (byte)7), (rj.Result, rj.Source, rj.Reason));
    }

    [Fact]
    public void Calling_ae_and_host_allow_lists_are_enforced()
    {
        var policy = new AcceptPolicy { CallingAeTitles = ["PACS"], AllowedNetworks = [IPNetwork.Parse("10.0.0.0/8")] };
        Assert.Equal(3, AssociationNegotiator.CheckRequest(Info(Request(calling: "SCU"), "10.1.2.3"), policy)!.Reason);
        Assert.Equal(1, AssociationNegotiator.CheckRequest(Info(Request(calling: "PACS"), "192.168.1.1"), policy)!.Reason);
        Assert.Null(AssociationNegotiator.CheckRequest(Info(Request(calling: "PACS"), "::ffff:10.1.2.3"), policy));
    }

    [Fact]
    public void Wrong_application_context_and_protocol_version_are_rejected()
    {
        Assert.Equal(RejectReason.ApplicationContextNameNotSupported,
            AssociationNegotiator.CheckRequest(Info(Request() with { ApplicationContextName = "1.2.3" }), new AcceptPolicy())!.Reason);
        Assert.Equal(RejectSource.ServiceProviderAcse,
            AssociationNegotiator.CheckRequest(Info(Request() with { ProtocolVersion = 2 }), new AcceptPolicy())!.Source);
    }

    [Fact]
    public void Contexts_get_preferred_transfer_syntax_and_reasons_for_refusal()
    {
        var rq = Request(contexts:
        [
            new(1, PetImage, [DicomUids.ImplicitVRLittleEndian, DicomUids.ExplicitVRLittleEndian]),
            new(3, "1.2.840.10008.5.1.4.1.2.2.1", [DicomUids.ImplicitVRLittleEndian]), // Q/R FIND: not storage
            new(5, CtImage, [JpegLossless]),
            new(7, DicomUids.Verification, ["1.2.3.999"]),
            new(8, CtImage, [DicomUids.ImplicitVRLittleEndian]), // even ID is invalid
        ]);
        var (ac, accepted) = AssociationNegotiator.Accept(rq, new AcceptPolicy(), 65536);
        Assert.Equal(PresentationContextResult.Acceptance, ac.PresentationContexts[0].Result);
        Assert.Equal(DicomUids.ExplicitVRLittleEndian, ac.PresentationContexts[0].TransferSyntax);
        Assert.Equal(PresentationContextResult.AbstractSyntaxNotSupported, ac.PresentationContexts[1].Result);
        Assert.Equal(JpegLossless, accepted[5].TransferSyntax);
        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, ac.PresentationContexts[3].Result);
        Assert.Equal(PresentationContextResult.NoReason, ac.PresentationContexts[4].Result);
        Assert.Equal(new byte[] { 1, 5 }, accepted.Keys.Order().ToArray());

        var strict = new AcceptPolicy { AcceptOtherTransferSyntaxes = false };
        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, AssociationNegotiator.Accept(rq, strict, 0).Accept.PresentationContexts[2].Result);
    }

    [Fact]
    public void User_information_is_answered_conservatively()
    {
        var rq = Request(contexts: [new(1, PetImage, [DicomUids.ImplicitVRLittleEndian])]) with
        {
            UserInformation = new UserInformation
            {
                MaxPduLength = 4096,
                AsyncOperations = (10, 10),
                RoleSelections = [new RoleSelection(PetImage, true, true), new RoleSelection(CtImage, true, false)],
                ExtendedNegotiations = [new ExtendedNegotiation(PetImage, [1])],
                OtherItems = [new RawUserItem(0x58, [1, 1, 0, 1, 65, 0, 0])],
            },
        };
        var user = AssociationNegotiator.Accept(rq, new AcceptPolicy(), 65536).Accept.UserInformation;
        Assert.Equal(65536u, user.MaxPduLength);
        Assert.Equal(((ushort)1, (ushort)1), user.AsyncOperations);
        var role = Assert.Single(user.RoleSelections); // only for an accepted SOP class
        Assert.Equal(new RoleSelection(PetImage, true, false), role);
        Assert.Empty(user.ExtendedNegotiations);
        Assert.Empty(user.OtherItems);
        Assert.Equal(DicomUids.ImplementationClassUid, user.ImplementationClassUid);
    }
}
