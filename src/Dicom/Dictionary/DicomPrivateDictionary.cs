using System.Collections.Frozen;

namespace VoxDose.Dicom.Dictionary;

/// <summary>
/// VRs of known private data elements, by private creator, group and element offset (the low byte), generated from
/// DCMTK's private.dic. Used only to choose the VR of private elements read in implicit VR.
/// </summary>
public static class DicomPrivateDictionary
{
    private static readonly FrozenDictionary<(string Creator, ushort Group, byte Offset), DicomVR> ByKey =
        DicomPrivateDictionaryData.Entries
            .GroupBy(e => (e.Creator, e.Group, e.Offset))
            .ToFrozenDictionary(g => g.Key, g => g.First().VR);

    /// <summary>The VR of a private element given the data set holding its creator, or null when unknown.</summary>
    public static DicomVR? LookupVR(DicomTag tag, DicomDataset dataset)
    {
        var creatorElement = dataset.Find(tag.PrivateCreatorTag);
        if (creatorElement is null || creatorElement.IsSequence) return null;
        var creator = System.Text.Encoding.Latin1.GetString(creatorElement.Data.Span).Trim(' ', '\0');
        return LookupVR(creator, tag.Group, (byte)tag.Element);
    }

    /// <summary>The VR registered for (creator, group, offset), or null.</summary>
    public static DicomVR? LookupVR(string creator, ushort group, byte offset) =>
        ByKey.TryGetValue((creator, group, offset), out var vr) ? vr : null;
}

/// <summary>One private dictionary row: creator, group, element offset (low byte) and VR.</summary>
public readonly record struct DicomPrivateDictionaryEntry(string Creator, ushort Group, byte Offset, DicomVR VR);
