using System.Text;

namespace VoxDose.Dicom;

/// <summary>
/// Makes text from the network or from files safe for a log line or a terminal: control characters (C0, DEL, C1)
/// become <c>\xNN</c> (or <c>\uNNNN</c>), so an AE title or ROI name holding ESC[2J cannot clear the operator's terminal,
/// forge a log line with a newline or hide itself with a carriage return. Bidirectional overrides are escaped too.
/// </summary>
public static class LogText
{
    /// <summary>The text with every control character escaped; a backslash stays as it is.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var i = 0;
        while (i < text.Length && !NeedsEscape(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(c)) sb.Append(c);
            else if (c <= 0xFF) sb.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>C0 controls, DEL, C1 controls and the Unicode bidirectional controls (U+202A-202E, U+2066-2069).</summary>
    public static bool NeedsEscape(char c) => c < 0x20 || c is >= '\x7F' and <= '\x9F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
