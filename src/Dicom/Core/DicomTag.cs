using System.Globalization;

namespace VoxDose.Dicom;

/// <summary>A data element tag (group, element). Ordered as the standard orders elements in a data set.</summary>
public readonly partial struct DicomTag : IEquatable<DicomTag>, IComparable<DicomTag>
{
    public DicomTag(ushort group, ushort element) => Value = ((uint)group << 16) | element;

    public DicomTag(uint value) => Value = value;

    /// <summary>The tag as one 32-bit number, group in the high half.</summary>
    public uint Value { get; }

    public ushort Group => (ushort)(Value >> 16);

    public ushort Element => (ushort)Value;

    /// <summary>Odd groups other than 0001, 0003, 0005, 0007 and FFFF are private (PS3.5 7.8).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0008 && Group != 0xFFFF;

    /// <summary>A private creator element (gggg,0010-00FF) of a private group.</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    /// <summary>Group length element (gggg,0000).</summary>
    public bool IsGroupLength => Element == 0;

    /// <summary>For a private data element (gggg,xxyy) with xx >= 0x10, the creator tag (gggg,00xx).</summary>
    public DicomTag PrivateCreatorTag => new(Group, (ushort)(Element >> 8));

    /// <summary>Parses "(0010,0020)", "0010,0020", "00100020" or a keyword such as "PatientID".</summary>
    public static DicomTag Parse(string text)
    {
        if (TryParse(text, out var tag)) return tag;
        throw new FormatException($"'{text}' is not a DICOM tag (expected (gggg,eeee), ggggeeee or a keyword).");
    }

    public static bool TryParse(string? text, out DicomTag tag)
    {
        tag = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith('(') && s.EndsWith(')')) s = s[1..^1];
        var hex = s.Replace(",", "", StringComparison.Ordinal);
        if (hex.Length == 8 && uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            && (s.Length == 8 || (s.Length == 9 && s[4] == ',')))
        {
            tag = new DicomTag(v);
            return true;
        }
        var entry = Dictionary.DicomDictionary.Lookup(s);
        if (entry is null) return false;
        tag = entry.Tag;
        return true;
    }

    public bool Equals(DicomTag other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is DicomTag t && Equals(t);

    public override int GetHashCode() => (int)Value;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>"(0010,0020)".</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";

    /// <summary>"00100020", the form of the DICOM JSON model.</summary>
    public string ToHexString() => Value.ToString("X8", CultureInfo.InvariantCulture);

    public static bool operator ==(DicomTag left, DicomTag right) => left.Equals(right);

    public static bool operator !=(DicomTag left, DicomTag right) => !left.Equals(right);

    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;

    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;

    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;

    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;
}
