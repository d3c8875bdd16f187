using System.Numerics;

namespace VoxDose.Dicom;

/// <summary>UID generation and validation (PS3.5 section 9 and Annex B).</summary>
public static class DicomUid
{
    /// <summary>A new UID 2.25.&lt;UUID as an unsigned decimal&gt; (PS3.5 B.2).</summary>
    public static string Generate() => FromUuid(Guid.NewGuid());

    /// <summary>The 2.25 UID of a UUID.</summary>
    public static string FromUuid(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A new UID under an organisation root: root.&lt;random 64-bit decimal&gt;.&lt;random 64-bit decimal&gt;, cut to fit
    /// 64 characters. The root must itself be a valid UID of at most 40 characters, leaving room for uniqueness.
    /// </summary>
    public static string Generate(string root)
    {
        if (!IsValid(root) || root.Length > 40)
            throw new ArgumentException($"'{root}' is not a valid UID root (at most 40 characters, digits and dots, no leading zeros).", nameof(root));
        var uuid = new BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true);
        var suffix = uuid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var room = 64 - root.Length - 1;
        if (suffix.Length > room) suffix = suffix[..room];
        suffix = suffix.TrimStart('0');
        return root + "." + (suffix.Length == 0 ? "1" : suffix);
    }

    /// <summary>
    /// The one UID validator (PS3.5 section 9.1): 1-64 characters, components of digits separated by single dots, no
    /// empty component, no leading zero in a component of more than one digit. A UID that passes is safe as a file-name
    /// component (no slash, no "..", no NUL).
    /// </summary>
    public static bool IsValid(string? uid) => Explain(uid) is null;

    /// <summary>Null when <paramref name="uid"/> is valid, otherwise why not (without echoing an arbitrarily long value).</summary>
    public static string? Explain(string? uid)
    {
        if (string.IsNullOrEmpty(uid)) return "empty";
        if (uid.Length > 64) return $"{uid.Length} characters (maximum 64)";
        var componentStart = 0;
        for (var i = 0; i <= uid.Length; i++)
        {
            if (i == uid.Length || uid[i] == '.')
            {
                var length = i - componentStart;
                if (length == 0) return "empty component";
                if (length > 1 && uid[componentStart] == '0') return "component with a leading zero";
                componentStart = i + 1;
            }
            else if (!char.IsAsciiDigit(uid[i]))
            {
                return $"character U+{(int)uid[i]:X4} is not a digit or '.'";
            }
        }
        return null;
    }
}
