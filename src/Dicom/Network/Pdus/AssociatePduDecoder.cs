using System.Buffers.Binary;
using System.Text;

namespace VoxDose.Dicom.Network.Pdus;

/// <summary>Decodes the bodies of A-ASSOCIATE-RQ and -AC (PS3.8 sections 9.3.2, 9.3.3) with bounds checks on every item.</summary>
internal static class AssociatePduDecoder
{
    private const int FixedFieldsLength = 68;

    public static AssociateRequestPdu DecodeRequest(ReadOnlySpan<byte> body)
    {
        var (version, called, calling) = DecodeFixed(body);
        string? context = null;
        var contexts = new List<PresentationContextProposal>();
        UserInformation? user = null;
        foreach (var (type, value) in Items(body[FixedFieldsLength..], "A-ASSOCIATE-RQ"))
        {
            switch (type)
            {
                case 0x10: context = Uid(value); break;
                case 0x20: contexts.Add(DecodeProposal(value)); break;
                case 0x50: user = DecodeUserInformation(value); break;
                default: throw new DicomProtocolException($"Unexpected item type 0x{type:X2} in A-ASSOCIATE-RQ.", AbortReason.UnrecognizedPduParameter);
            }
        }
        return new AssociateRequestPdu
        {
            ProtocolVersion = version,
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ApplicationContextName = context ?? throw new DicomProtocolException("A-ASSOCIATE-RQ without application context item.", AbortReason.InvalidPduParameterValue),
            PresentationContexts = contexts,
            UserInformation = user ?? new UserInformation(),
        };
    }

    public static AssociateAcceptPdu DecodeAccept(ReadOnlySpan<byte> body)
    {
        var (version, called, calling) = DecodeFixed(body);
        string? context = null;
        var contexts = new List<PresentationContextAnswer>();
        UserInformation? user = null;
        foreach (var (type, value) in Items(body[FixedFieldsLength..], "A-ASSOCIATE-AC"))
        {
            switch (type)
            {
                case 0x10: context = Uid(value); break;
                case 0x21: contexts.Add(DecodeAnswer(value)); break;
                case 0x50: user = DecodeUserInformation(value); break;
                default: throw new DicomProtocolException($"Unexpected item type 0x{type:X2} in A-ASSOCIATE-AC.", AbortReason.UnrecognizedPduParameter);
            }
        }
        return new AssociateAcceptPdu
        {
            ProtocolVersion = version,
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ApplicationContextName = context ?? DicomUids.DicomApplicationContext,
            PresentationContexts = contexts,
            UserInformation = user ?? new UserInformation(),
        };
    }

    private static (ushort Version, string Called, string Calling) DecodeFixed(ReadOnlySpan<byte> body)
    {
        if (body.Length < FixedFieldsLength)
            throw new DicomProtocolException($"A-ASSOCIATE PDU of {body.Length} bytes is shorter than its fixed fields.", AbortReason.InvalidPduParameterValue);
        return (BinaryPrimitives.ReadUInt16BigEndian(body), AeTitle(body.Slice(4, 16)), AeTitle(body.Slice(20, 16)));
    }

    private static PresentationContextProposal DecodeProposal(byte[] value)
    {
        if (value.Length < 4) throw new DicomProtocolException("Truncated presentation context item.", AbortReason.InvalidPduParameterValue);
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        foreach (var (type, sub) in Items(value.AsSpan(4), "presentation context"))
        {
            if (type == 0x30) abstractSyntax = Uid(sub);
            else if (type == 0x40) transferSyntaxes.Add(Uid(sub));
            else throw new DicomProtocolException($"Unexpected sub-item 0x{type:X2} in presentation context {value[0]}.", AbortReason.UnrecognizedPduParameter);
        }
        return new PresentationContextProposal(value[0], abstractSyntax ?? "", transferSyntaxes);
    }

    private static PresentationContextAnswer DecodeAnswer(byte[] value)
    {
        if (value.Length < 4) throw new DicomProtocolException("Truncated presentation context item.", AbortReason.InvalidPduParameterValue);
        var transferSyntax = "";
        foreach (var (type, sub) in Items(value.AsSpan(4), "presentation context"))
            if (type == 0x40) transferSyntax = Uid(sub);
        return new PresentationContextAnswer(value[0], (PresentationContextResult)value[2], transferSyntax);
    }

    private static UserInformation DecodeUserInformation(byte[] value)
    {
        uint maxLength = 0;
        string? classUid = null, versionName = null;
        (ushort, ushort)? async = null;
        var roles = new List<RoleSelection>();
        var extended = new List<ExtendedNegotiation>();
        var others = new List<RawUserItem>();
        foreach (var (type, sub) in Items(value, "user information"))
        {
            switch (type)
            {
                case 0x51:
                    if (sub.Length != 4) throw new DicomProtocolException("Maximum length sub-item must hold 4 bytes.", AbortReason.InvalidPduParameterValue);
                    maxLength = BinaryPrimitives.ReadUInt32BigEndian(sub);
                    break;
                case 0x52: classUid = Uid(sub); break;
                case 0x55: versionName = Encoding.ASCII.GetString(sub).Trim(' ', '\0'); break;
                case 0x53:
                    if (sub.Length != 4) throw new DicomProtocolException("Asynchronous operations window sub-item must hold 4 bytes.", AbortReason.InvalidPduParameterValue);
                    async = (BinaryPrimitives.ReadUInt16BigEndian(sub), BinaryPrimitives.ReadUInt16BigEndian(sub.AsSpan(2)));
                    break;
                case 0x54:
                    {
                        var (uid, rest) = PrefixedUid(sub, "SCP/SCU role selection");
                        if (rest.Length != 2) throw new DicomProtocolException("SCP/SCU role selection sub-item is malformed.", AbortReason.InvalidPduParameterValue);
                        roles.Add(new RoleSelection(uid, rest[0] == 1, rest[1] == 1));
                        break;
                    }
                case 0x56:
                    {
                        var (uid, rest) = PrefixedUid(sub, "SOP class extended negotiation");
                        extended.Add(new ExtendedNegotiation(uid, rest));
                        break;
                    }
                default: others.Add(new RawUserItem(type, sub)); break;
            }
        }
        return new UserInformation
        {
            MaxPduLength = maxLength,
            ImplementationClassUid = classUid,
            ImplementationVersionName = versionName,
            AsyncOperations = async,
            RoleSelections = roles,
            ExtendedNegotiations = extended,
            OtherItems = others,
        };
    }

    private static (string Uid, byte[] Tail) PrefixedUid(byte[] sub, string what)
    {
        if (sub.Length < 2) throw new DicomProtocolException($"Truncated {what} sub-item.", AbortReason.InvalidPduParameterValue);
        var length = BinaryPrimitives.ReadUInt16BigEndian(sub);
        if (length > sub.Length - 2) throw new DicomProtocolException($"UID length {length} overruns the {what} sub-item.", AbortReason.InvalidPduParameterValue);
        return (Uid(sub.AsSpan(2, length)), sub[(2 + length)..]);
    }

    /// <summary>The items of a variable field: type, reserved, 2-byte length, value. Values are copied (association PDUs are small).</summary>
    private static List<(byte Type, byte[] Value)> Items(ReadOnlySpan<byte> field, string where)
    {
        var items = new List<(byte, byte[])>();
        var offset = 0;
        while (offset < field.Length)
        {
            if (field.Length - offset < 4) throw new DicomProtocolException($"Truncated item header in {where}.", AbortReason.InvalidPduParameterValue);
            var length = BinaryPrimitives.ReadUInt16BigEndian(field[(offset + 2)..]);
            if (length > field.Length - offset - 4)
                throw new DicomProtocolException($"Item 0x{field[offset]:X2} of length {length} overruns {where}.", AbortReason.InvalidPduParameterValue);
            items.Add((field[offset], field.Slice(offset + 4, length).ToArray()));
            offset += 4 + length;
        }
        return items;
    }

    private static string AeTitle(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes).Trim(' ', '\0');

    private static string Uid(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes).TrimEnd('\0', ' ');
}
