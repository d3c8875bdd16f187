namespace VoxDose.StoreScp.Storage;

/// <summary>
/// PS3.5 §9.1 UID rules: 1-64 characters, digits and dots only, no empty component, no leading zero in a
/// multi-digit component. A UID that passes is safe as a file-name component (no slash, no "..", no NUL).
/// </summary>
public static class DicomUidValidator
{
    public static bool IsValid(string? uid) => Explain(uid) is null;

    /// <summary>Null when valid, otherwise why not (without echoing an arbitrarily long value).</summary>
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
            else if (uid[i] is < '0' or > '9')
            {
                return $"character U+{(int)uid[i]:X4} is not a digit or '.'";
            }
        }
        return null;
    }
}
