namespace VoxDose.Dicom.Text;

/// <summary>Splitting and trimming of string values (PS3.5 6.2): backslash separates values; padding is space or NUL.</summary>
internal static class DicomStringCodec
{
    /// <summary>Values of an ASCII-only element such as (0008,0005), trimmed.</summary>
    public static string[] SplitAscii(ReadOnlySpan<byte> bytes)
    {
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        return Split(text, DicomVR.CS);
    }

    /// <summary>Splits a decoded value into its values and trims each as its VR requires.</summary>
    public static string[] Split(string text, DicomVR vr)
    {
        if (text.Length == 0) return [];
        if (DicomVRInfo.IsSingleValuedText(vr)) return [Trim(text, vr)];
        var parts = text.Split('\\');
        for (var i = 0; i < parts.Length; i++) parts[i] = Trim(parts[i], vr);
        if (parts.Length == 1 && parts[0].Length == 0) return [];
        return parts;
    }

    /// <summary>Removes padding: trailing spaces and NULs always; leading spaces too except for LT, ST, UT, UR.</summary>
    public static string Trim(string text, DicomVR vr) =>
        vr is DicomVR.LT or DicomVR.ST or DicomVR.UT ? text.TrimEnd(' ', '\0') : text.Trim(' ', '\0');
}
