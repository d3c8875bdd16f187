namespace VoxDose.Dicom;

/// <summary>One component group of a person name (PS3.5 6.2.1): family^given^middle^prefix^suffix.</summary>
public sealed record DicomPersonNameGroup(string FamilyName, string GivenName, string MiddleName, string Prefix, string Suffix)
{
    public static DicomPersonNameGroup Parse(string text)
    {
        var c = text.Split('^');
        string At(int i) => i < c.Length ? c[i].Trim() : "";
        return new DicomPersonNameGroup(At(0), At(1), At(2), At(3), At(4));
    }

    /// <summary>The encoded group with trailing empty components dropped.</summary>
    public override string ToString() => string.Join('^', new[] { FamilyName, GivenName, MiddleName, Prefix, Suffix }).TrimEnd('^');
}

/// <summary>A PN value: alphabetic, ideographic and phonetic component groups separated by '='.</summary>
public sealed record DicomPersonName(DicomPersonNameGroup Alphabetic, DicomPersonNameGroup? Ideographic = null, DicomPersonNameGroup? Phonetic = null)
{
    public string FamilyName => Alphabetic.FamilyName;

    public string GivenName => Alphabetic.GivenName;

    public static DicomPersonName Parse(string text)
    {
        var g = text.Split('=');
        return new DicomPersonName(DicomPersonNameGroup.Parse(g[0]),
            g.Length > 1 ? DicomPersonNameGroup.Parse(g[1]) : null,
            g.Length > 2 ? DicomPersonNameGroup.Parse(g[2]) : null);
    }

    public override string ToString()
    {
        var s = Alphabetic + "=" + (Ideographic?.ToString() ?? "") + "=" + (Phonetic?.ToString() ?? "");
        return s.TrimEnd('=');
    }
}
