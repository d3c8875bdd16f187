namespace VoxDose.Dicom.Network;

/// <summary>Application Entity titles (PS3.5 table 6.2-1, VR AE).</summary>
public static class AeTitle
{
    /// <summary>1 to 16 characters of the default repertoire, not all spaces, without backslash or control characters.</summary>
    public static bool IsValid(string? ae) =>
        ae is { Length: > 0 and <= 16 } && ae.Trim().Length > 0 && ae.All(c => c is >= ' ' and < (char)127 and not '\\');
}
