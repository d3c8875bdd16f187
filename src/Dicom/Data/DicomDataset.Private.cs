namespace VoxDose.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>
    /// The private block (xx of the creator element (gggg,00xx)) reserved by <paramref name="creator"/> in an odd
    /// group, or null. Creators are compared after trimming padding, case-sensitively (PS3.5 7.8.1).
    /// </summary>
    public byte? FindPrivateBlock(ushort group, string creator)
    {
        RequirePrivateGroup(group);
        for (var block = 0x10; block <= 0xFF; block++)
        {
            var tag = new DicomTag(group, (ushort)block);
            if (Find(tag) is { IsSequence: false } e && string.Equals(CreatorText(e), creator.Trim(), StringComparison.Ordinal))
                return (byte)block;
        }
        return null;
    }

    /// <summary>The creator's block in the group, reserving the first free block (adding the LO creator element) when it has none.</summary>
    public byte ReservePrivateBlock(ushort group, string creator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(creator);
        if (FindPrivateBlock(group, creator) is { } existing) return existing;
        for (var block = 0x10; block <= 0xFF; block++)
        {
            var tag = new DicomTag(group, (ushort)block);
            if (Contains(tag)) continue;
            AddOrUpdate(tag, DicomVR.LO, creator.Trim());
            return (byte)block;
        }
        throw new DicomDataException($"Group {group:X4} has no free private block for creator '{creator}'.");
    }

    /// <summary>The tag (gggg,xxoo) of element offset <paramref name="offset"/> in the creator's block, or null when the creator has no block.</summary>
    public DicomTag? FindPrivateTag(ushort group, string creator, byte offset) =>
        FindPrivateBlock(group, creator) is { } block ? new DicomTag(group, (ushort)((block << 8) | offset)) : null;

    /// <summary>The private element at <paramref name="offset"/> of the creator's block, or null.</summary>
    public DicomElement? FindPrivate(ushort group, string creator, byte offset) =>
        FindPrivateTag(group, creator, offset) is { } tag ? Find(tag) : null;

    /// <summary>The tag for writing a private element: reserves the creator's block if needed.</summary>
    public DicomTag ReservePrivateTag(ushort group, string creator, byte offset) =>
        new(group, (ushort)((ReservePrivateBlock(group, creator) << 8) | offset));

    /// <summary>The creator that owns a private data element's block, or null.</summary>
    public string? GetPrivateCreator(DicomTag tag)
    {
        if (!tag.IsPrivate || tag.Element < 0x1000) return null;
        return Find(tag.PrivateCreatorTag) is { IsSequence: false } e ? CreatorText(e) : null;
    }

    private string CreatorText(DicomElement e) => CharacterSet.Decode(e.Data.Span, DicomVR.LO).Trim(' ', '\0');

    private static void RequirePrivateGroup(ushort group)
    {
        if ((group & 1) == 0 || group <= 0x0008 || group == 0xFFFF)
            throw new ArgumentOutOfRangeException(nameof(group), $"Group {group:X4} is not a private group (odd, above 0008).");
    }
}
