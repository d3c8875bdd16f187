using System.Buffers.Binary;
using System.Text;

namespace VoxDose.Dicom.Network.Pdus;

/// <summary>Encodes every PDU except P-DATA-TF (written by <see cref="PduWriter"/> without copying data).</summary>
public static class PduEncoder
{
    public static byte[] Encode(Pdu pdu)
    {
        var body = new List<byte>(256);
        switch (pdu)
        {
            case AssociateRequestPdu rq:
                Fixed(body, rq.ProtocolVersion, rq.CalledAeTitle, rq.CallingAeTitle);
                Item(body, 0x10, Ascii(rq.ApplicationContextName));
                foreach (var pc in rq.PresentationContexts)
                {
                    var value = new List<byte> { pc.Id, 0, 0, 0 };
                    Item(value, 0x30, Ascii(pc.AbstractSyntax));
                    foreach (var ts in pc.TransferSyntaxes) Item(value, 0x40, Ascii(ts));
                    Item(body, 0x20, [.. value]);
                }
                Item(body, 0x50, EncodeUserInformation(rq.UserInformation));
                break;
            case AssociateAcceptPdu ac:
                Fixed(body, ac.ProtocolVersion, ac.CalledAeTitle, ac.CallingAeTitle);
                Item(body, 0x10, Ascii(ac.ApplicationContextName));
                foreach (var pc in ac.PresentationContexts)
                {
                    var value = new List<byte> { pc.Id, 0, (byte)pc.Result, 0 };
                    // PS3.8 9.3.3.2: the transfer syntax sub-item is significant only on acceptance but is always present.
                    Item(value, 0x40, Ascii(pc.TransferSyntax));
                    Item(body, 0x21, [.. value]);
                }
                Item(body, 0x50, EncodeUserInformation(ac.UserInformation));
                break;
            case AssociateRejectPdu rj:
                body.AddRange([0, (byte)rj.Result, (byte)rj.Source, rj.Reason]);
                break;
            case ReleaseRequestPdu or ReleaseResponsePdu:
                body.AddRange([0, 0, 0, 0]);
                break;
            case AbortPdu ab:
                body.AddRange([0, 0, (byte)ab.Source, (byte)ab.Reason]);
                break;
            default:
                throw new ArgumentException($"{pdu.Type} PDUs are written with PduWriter.WriteDataAsync.", nameof(pdu));
        }
        var result = new byte[6 + body.Count];
        result[0] = (byte)pdu.Type;
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(2), (uint)body.Count);
        body.CopyTo(result, 6);
        return result;
    }

    private static byte[] EncodeUserInformation(UserInformation info)
    {
        var value = new List<byte>();
        var max = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(max, info.MaxPduLength);
        Item(value, 0x51, max);
        if (info.ImplementationClassUid is not null) Item(value, 0x52, Ascii(info.ImplementationClassUid));
        if (info.AsyncOperations is { } async)
        {
            var window = new byte[4];
            BinaryPrimitives.WriteUInt16BigEndian(window, async.Invoked);
            BinaryPrimitives.WriteUInt16BigEndian(window.AsSpan(2), async.Performed);
            Item(value, 0x53, window);
        }
        foreach (var role in info.RoleSelections)
            Item(value, 0x54, [.. PrefixedUid(role.SopClassUid), role.ScuRole ? (byte)1 : (byte)0, role.ScpRole ? (byte)1 : (byte)0]);
        if (info.ImplementationVersionName is not null) Item(value, 0x55, Ascii(info.ImplementationVersionName));
        foreach (var extended in info.ExtendedNegotiations)
            Item(value, 0x56, [.. PrefixedUid(extended.SopClassUid), .. extended.ApplicationInformation]);
        foreach (var other in info.OtherItems) Item(value, other.ItemType, other.Value);
        return [.. value];
    }

    private static void Fixed(List<byte> body, ushort version, string called, string calling)
    {
        body.Add((byte)(version >> 8));
        body.Add((byte)version);
        body.AddRange([0, 0]);
        body.AddRange(AeTitleField(called));
        body.AddRange(AeTitleField(calling));
        body.AddRange(new byte[32]);
    }

    private static byte[] AeTitleField(string ae)
    {
        if (ae.Length is 0 or > 16) throw new ArgumentException($"AE title '{ae}' must have 1 to 16 characters (PS3.5 table 6.2-1).", nameof(ae));
        return Ascii(ae.PadRight(16));
    }

    private static byte[] PrefixedUid(string uid)
    {
        var bytes = Ascii(uid);
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }

    private static void Item(List<byte> target, byte type, byte[] value)
    {
        if (value.Length > ushort.MaxValue) throw new ArgumentException($"Item 0x{type:X2} is longer than 65535 bytes.", nameof(value));
        target.Add(type);
        target.Add(0);
        target.Add((byte)(value.Length >> 8));
        target.Add((byte)value.Length);
        target.AddRange(value);
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
}
