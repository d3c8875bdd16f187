using System.Collections.Frozen;

namespace VoxDose.Dicom.Dictionary;

/// <summary>
/// The DICOM data dictionary (PS3.6), generated from DCMTK's dicom.dic by tools/dicom-dictionary/generate.py.
/// Group lengths and private creators are answered by rule; private data elements are not in the standard
/// dictionary and read as their explicit VR, or UN in implicit VR.
/// </summary>
public static class DicomDictionary
{
    private static readonly FrozenDictionary<uint, DicomDictionaryEntry> ByTag =
        DicomDictionaryData.Entries.ToFrozenDictionary(e => e.Tag.Value);

    private static readonly FrozenDictionary<string, DicomDictionaryEntry> ByKeyword =
        DicomDictionaryData.Entries.Concat(DicomDictionaryData.Ranges.Select(r => r.Entry))
            .ToFrozenDictionary(e => e.Keyword, StringComparer.Ordinal);

    private static readonly DicomDictionaryEntry PrivateCreator =
        new(new DicomTag(0x0009, 0x0010), "PrivateCreator", "Private Creator", [DicomVR.LO], "1", false);

    /// <summary>The entry for a tag, or null when the dictionary does not know it.</summary>
    public static DicomDictionaryEntry? Lookup(DicomTag tag)
    {
        if (ByTag.TryGetValue(tag.Value, out var entry)) return entry;
        if (tag.Element == 0)
            return new DicomDictionaryEntry(tag, "GroupLength", "Group Length", [DicomVR.UL], "1", false);
        if (tag.IsPrivateCreator) return PrivateCreator with { Tag = tag };
        if (tag.IsPrivate) return null;
        foreach (var range in DicomDictionaryData.Ranges)
            if (range.Matches(tag)) return range.Entry with { Tag = tag };
        return null;
    }

    /// <summary>The entry for a keyword such as "PatientID", or null.</summary>
    public static DicomDictionaryEntry? Lookup(string keyword) =>
        ByKeyword.TryGetValue(keyword, out var entry) ? entry : null;

    /// <summary>The VR to use for a tag whose VR the stream does not carry (implicit VR), UN when unknown.</summary>
    public static DicomVR DefaultVR(DicomTag tag) => Lookup(tag)?.DefaultVR ?? DicomVR.UN;

    /// <summary>Keyword, or empty for unknown tags.</summary>
    public static string KeywordOf(DicomTag tag) => Lookup(tag)?.Keyword ?? "";
}
