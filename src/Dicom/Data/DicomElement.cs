namespace VoxDose.Dicom;

/// <summary>
/// One data element: tag, VR and value. Values of every VR except SQ are kept as their encoded bytes in little
/// endian (big-endian input is swapped while reading) without trailing padding removed, so reading a file does
/// not allocate per value. Sequences hold <see cref="Items"/>; encapsulated pixel data holds <see cref="Fragments"/>.
/// Elements are immutable; a dataset replaces an element to change it.
/// </summary>
public sealed class DicomElement
{
    private static readonly IReadOnlyList<DicomDataset> NoItems = [];

    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> data)
    {
        if (vr == DicomVR.SQ) throw new ArgumentException("Use DicomElement.Sequence for SQ elements.", nameof(vr));
        Tag = tag;
        VR = vr;
        Data = data;
        Items = NoItems;
    }

    private DicomElement(DicomTag tag, DicomVR vr, IReadOnlyList<DicomDataset> items, DicomFragments? fragments)
    {
        Tag = tag;
        VR = vr;
        Items = items;
        Fragments = fragments;
    }

    /// <summary>A sequence element holding the given items (the list is taken as is).</summary>
    public static DicomElement Sequence(DicomTag tag, IReadOnlyList<DicomDataset> items) => new(tag, DicomVR.SQ, items, null);

    /// <summary>Encapsulated (compressed) pixel data: offset table and fragments, VR OB.</summary>
    public static DicomElement Encapsulated(DicomTag tag, DicomVR vr, DicomFragments fragments) => new(tag, vr, NoItems, fragments);

    public DicomTag Tag { get; }

    public DicomVR VR { get; }

    /// <summary>The encoded value in little endian (empty for SQ and encapsulated data).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Items of a sequence (empty for other VRs).</summary>
    public IReadOnlyList<DicomDataset> Items { get; }

    /// <summary>Fragments of encapsulated pixel data, or null.</summary>
    public DicomFragments? Fragments { get; }

    public bool IsSequence => VR == DicomVR.SQ;

    public bool IsEncapsulated => Fragments is not null;

    /// <summary>Value length in bytes without padding (sequences and fragments count 0).</summary>
    public int Length => Data.Length;

    /// <summary>Deep copy: sequence items are cloned, byte values are shared (they are never mutated).</summary>
    public DicomElement Clone() =>
        IsSequence ? Sequence(Tag, Items.Select(i => i.Clone()).ToList()) : this;

    public override string ToString() => $"{Tag} {DicomVRInfo.Code(VR)} {Dictionary.DicomDictionary.KeywordOf(Tag)}";
}
