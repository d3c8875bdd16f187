using VoxDose.Dicom.Text;

namespace VoxDose.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>
    /// Copies elements from another data set, converting text values (and those in copied sequence items) from the
    /// source's Specific Character Set to this one's. Absent tags are skipped. A character the target set cannot hold
    /// fails with a <see cref="DicomDataException"/> naming the tag. (0008,0005) itself is never copied this way.
    /// </summary>
    public DicomDataset CopyFrom(DicomDataset source, params DicomTag[] tags)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            if (tag == DicomTag.SpecificCharacterSet) continue;
            if (source.Find(tag) is { } e) AddOrUpdate(Transcode(e, source.CharacterSet, CharacterSet));
        }
        return this;
    }

    /// <summary>Re-encodes this data set's text (and that of items without their own character set) from one set to another.</summary>
    internal void TranscodeInPlace(DicomCharacterSet from, DicomCharacterSet to)
    {
        if (from.Terms.SequenceEqual(to.Terms)) return;
        for (var i = 0; i < _elements.Count; i++)
        {
            var e = _elements[i];
            if (e.Tag == DicomTag.SpecificCharacterSet) continue;
            if (e.IsSequence)
            {
                foreach (var item in e.Items)
                    if (!item.Contains(DicomTag.SpecificCharacterSet)) item.TranscodeInPlace(from, to);
                continue;
            }
            if (DicomVRInfo.UsesCharacterSet(e.VR)) _elements[i] = Transcode(e, from, to);
        }
    }

    private static DicomElement Transcode(DicomElement e, DicomCharacterSet from, DicomCharacterSet to)
    {
        if (e.IsSequence)
        {
            var items = new List<DicomDataset>(e.Items.Count);
            foreach (var item in e.Items)
            {
                // An item with its own (0008,0005) keeps it and its bytes; otherwise it follows the new parent.
                if (item.Contains(DicomTag.SpecificCharacterSet)) { items.Add(item.Clone()); continue; }
                var copy = new DicomDataset();
                foreach (var child in item) copy.AppendRead(Transcode(child, from, to));
                items.Add(copy);
            }
            return DicomElement.Sequence(e.Tag, items);
        }
        if (!DicomVRInfo.UsesCharacterSet(e.VR) || ReferenceEquals(from, to) || from.Terms.SequenceEqual(to.Terms)) return e;
        var text = from.Decode(e.Data.Span, e.VR);
        return new DicomElement(e.Tag, e.VR, to.Encode(text, e.VR, e.Tag));
    }
}
