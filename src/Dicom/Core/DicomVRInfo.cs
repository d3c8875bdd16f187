namespace VoxDose.Dicom;

/// <summary>Properties of each VR from PS3.5 section 6.2 and 7.1.2 (header form, padding, value kind).</summary>
public static class DicomVRInfo
{
    /// <summary>The VR for two explicit-VR bytes, or false when they are not a VR of PS3.5.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = (DicomVR)((first << 8) | second);
        return IsKnown(vr);
    }

    public static bool TryParse(string text, out DicomVR vr)
    {
        vr = DicomVR.None;
        return text is { Length: 2 } && TryParse((byte)text[0], (byte)text[1], out vr);
    }

    public static bool IsKnown(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.AT or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.FD
            or DicomVR.FL or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.OB or DicomVR.OD or DicomVR.OF
            or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.PN or DicomVR.SH or DicomVR.SL or DicomVR.SQ
            or DicomVR.SS or DicomVR.ST or DicomVR.SV or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UL
            or DicomVR.UN or DicomVR.UR or DicomVR.US or DicomVR.UT or DicomVR.UV => true,
        _ => false,
    };

    /// <summary>Explicit-VR header with 2 reserved bytes and a 32-bit length (PS3.5 7.1.2).</summary>
    public static bool HasLongLength(DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL
        or DicomVR.OV or DicomVR.OW or DicomVR.SQ or DicomVR.SV or DicomVR.UC or DicomVR.UN or DicomVR.UR
        or DicomVR.UT or DicomVR.UV;

    /// <summary>Character-string VRs (values separated by backslash where the VM allows).</summary>
    public static bool IsString(DicomVR vr) => vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA
        or DicomVR.DS or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>String VRs whose value is never split on backslash (PS3.5 6.2: LT, ST, UT, UR).</summary>
    public static bool IsSingleValuedText(DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>String VRs whose bytes are decoded with the Specific Character Set (others are ASCII).</summary>
    public static bool UsesCharacterSet(DicomVR vr) => vr is DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.UC or DicomVR.UT;

    /// <summary>Size in bytes of one value of a binary numeric VR (0 for the others). AT counts as 4.</summary>
    public static int BinaryValueSize(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL or DicomVR.AT => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        _ => 0,
    };

    /// <summary>Size of the units that must be byte-swapped between little and big endian (AT swaps per 16-bit half).</summary>
    public static int SwapUnit(DicomVR vr) => vr == DicomVR.AT ? 2 : BinaryValueSize(vr);

    /// <summary>VRs whose value is numbers encoded in binary (US, SS, UL, SL, FL, FD, SV, UV).</summary>
    public static bool IsBinaryNumber(DicomVR vr) => vr is DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL
        or DicomVR.FL or DicomVR.FD or DicomVR.SV or DicomVR.UV;

    /// <summary>Opaque byte VRs (OB, OD, OF, OL, OV, OW, UN).</summary>
    public static bool IsOpaque(DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL
        or DicomVR.OV or DicomVR.OW or DicomVR.UN;

    /// <summary>Padding byte for an odd-length value: NUL for UI and binary VRs, space for the other strings.</summary>
    public static byte PaddingByte(DicomVR vr) => IsString(vr) && vr != DicomVR.UI ? (byte)' ' : (byte)0;

    /// <summary>The two-character code, e.g. "PN".</summary>
    public static string Code(DicomVR vr) => vr == DicomVR.None ? "na" : vr.ToString();
}
