using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Network.Associations;

/// <summary>
/// The acceptor's side of association negotiation (PS3.8 section 7.1, PS3.7 annex D): checks the request against an
/// <see cref="AcceptPolicy"/> and answers with A-ASSOCIATE-AC or -RJ.
/// </summary>
public static class AssociationNegotiator
{
    /// <summary>The reject to send, or null when the request passes the association-level checks.</summary>
    public static AssociateRejectPdu? CheckRequest(AssociationInfo info, AcceptPolicy policy)
    {
        var request = info.Request;
        if ((request.ProtocolVersion & 1) == 0)
            return new AssociateRejectPdu(RejectResult.Permanent, RejectSource.ServiceProviderAcse, RejectReason.ProtocolVersionNotSupported);
        if (request.ApplicationContextName != DicomUids.DicomApplicationContext)
            return new AssociateRejectPdu(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.ApplicationContextNameNotSupported);
        if (!policy.CalledAeTitles.Contains(info.CalledAeTitle, StringComparer.Ordinal))
            return AssociateRejectPdu.CalledAeNotRecognized;
        if (policy.CallingAeTitles is { } calling && !calling.Contains(info.CallingAeTitle, StringComparer.Ordinal))
            return AssociateRejectPdu.CallingAeNotRecognized;
        if (!AcceptPolicy.IsAllowed(info.RemoteEndPoint.Address, policy.AllowedNetworks))
            return new AssociateRejectPdu(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.NoReasonGiven);
        return null;
    }

    /// <summary>Answers every proposed presentation context and the user information; returns the accepted contexts.</summary>
    public static (AssociateAcceptPdu Accept, Dictionary<byte, AcceptedContext> Accepted) Accept(
        AssociateRequestPdu request, AcceptPolicy policy, uint ourMaxPduLength)
    {
        var answers = new List<PresentationContextAnswer>(request.PresentationContexts.Count);
        var accepted = new Dictionary<byte, AcceptedContext>();
        foreach (var pc in request.PresentationContexts)
        {
            var answer = AnswerContext(pc, policy, accepted.ContainsKey(pc.Id));
            answers.Add(answer);
            if (answer.Result == PresentationContextResult.Acceptance)
                accepted[pc.Id] = new AcceptedContext(pc.Id, pc.AbstractSyntax, answer.TransferSyntax);
        }

        var proposed = request.UserInformation;
        var acceptedSopClasses = accepted.Values.Select(c => c.AbstractSyntax).ToHashSet(StringComparer.Ordinal);
        var user = new UserInformation
        {
            MaxPduLength = ourMaxPduLength,
            ImplementationClassUid = DicomUids.ImplementationClassUid,
            ImplementationVersionName = DicomUids.ImplementationVersionName,
            // PS3.7 D.3.3.3: we invoke and perform one operation at a time, whatever was proposed.
            AsyncOperations = proposed.AsyncOperations is null ? null : (1, 1),
            // PS3.7 D.3.3.4: the requestor may be SCU of what we accepted; it may never be SCP here (we send nothing).
            RoleSelections = [.. proposed.RoleSelections
                .Where(r => acceptedSopClasses.Contains(r.SopClassUid))
                .Select(r => new RoleSelection(r.SopClassUid, r.ScuRole, false))],
            // Extended negotiation (0x56), common extended negotiation (0x57) and user identity (0x58) are not
            // answered: PS3.7 D.3.3.5-D.3.3.7 read that as "not supported", which is what we mean.
        };
        var accept = new AssociateAcceptPdu
        {
            CalledAeTitle = request.CalledAeTitle,
            CallingAeTitle = request.CallingAeTitle,
            PresentationContexts = answers,
            UserInformation = user,
        };
        return (accept, accepted);
    }

    private static PresentationContextAnswer AnswerContext(PresentationContextProposal pc, AcceptPolicy policy, bool duplicateId)
    {
        var fallback = DicomUids.ImplicitVRLittleEndian;
        if (duplicateId || pc.Id % 2 == 0 || pc.AbstractSyntax.Length == 0)
            return new PresentationContextAnswer(pc.Id, PresentationContextResult.NoReason, fallback);
        if (!policy.AcceptSopClass(pc.AbstractSyntax))
            return new PresentationContextAnswer(pc.Id, PresentationContextResult.AbstractSyntaxNotSupported, fallback);
        var chosen = policy.PreferredTransferSyntaxes.FirstOrDefault(ts => pc.TransferSyntaxes.Contains(ts, StringComparer.Ordinal));
        if (chosen is null && policy.AcceptOtherTransferSyntaxes && pc.AbstractSyntax != DicomUids.Verification)
            chosen = pc.TransferSyntaxes.FirstOrDefault(IsPlausibleUid);
        return chosen is null
            ? new PresentationContextAnswer(pc.Id, PresentationContextResult.TransferSyntaxesNotSupported, fallback)
            : new PresentationContextAnswer(pc.Id, PresentationContextResult.Acceptance, chosen);
    }

    /// <summary>A UID per PS3.5 section 9.1: <see cref="DicomUid.IsValid"/>, the one UID rule.</summary>
    internal static bool IsPlausibleUid(string uid) => DicomUid.IsValid(uid);
}
