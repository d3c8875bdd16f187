using System.Collections;
using VoxDose.Dicom.Text;

namespace VoxDose.Dicom;

/// <summary>
/// A data set: elements kept in ascending tag order, sequences holding nested data sets to any depth. Typed
/// accessors live in the partial files beside this one (strings, numbers, dates, person names, private blocks).
/// Items of a sequence inherit the Specific Character Set of the data set that holds them.
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomElement>
{
    private readonly List<DicomElement> _elements;
    private DicomCharacterSet? _characterSet;

    public DicomDataset() => _elements = [];

    public DicomDataset(IEnumerable<DicomElement> elements) : this()
    {
        foreach (var e in elements) Add(e);
    }

    internal DicomDataset(int capacity) => _elements = new List<DicomElement>(capacity);

    /// <summary>The data set whose sequence holds this one (for inheriting the character set), or null.</summary>
    public DicomDataset? Parent { get; internal set; }

    public int Count => _elements.Count;

    /// <summary>The character set of string values: (0008,0005) here, else the parent's, else the default repertoire.</summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            if (_characterSet is not null) return _characterSet;
            var own = Find(DicomTag.SpecificCharacterSet);
            _characterSet = own is not null
                ? DicomCharacterSet.FromTerms(DicomStringCodec.SplitAscii(own.Data.Span))
                : Parent?.CharacterSet ?? (HoldsProvisionalUtf8 ? DicomCharacterSet.Utf8 : DicomCharacterSet.Default);
            return _characterSet;
        }
    }

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    /// <summary>The element with this tag, or null.</summary>
    public DicomElement? Find(DicomTag tag)
    {
        var i = IndexOf(tag);
        return i >= 0 ? _elements[i] : null;
    }

    /// <summary>The element with this tag; throws <see cref="DicomDataException"/> naming the tag when absent.</summary>
    public DicomElement GetElement(DicomTag tag) =>
        Find(tag) ?? throw new DicomDataException(tag, "is absent.");

    /// <summary>Adds an element, replacing one with the same tag.</summary>
    public DicomDataset AddOrUpdate(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        foreach (var item in element.Items) Adopt(item);
        var before = element.Tag == DicomTag.SpecificCharacterSet ? CharacterSet : null;
        var i = IndexOf(element.Tag);
        if (i >= 0) _elements[i] = element;
        else _elements.Insert(~i, element);
        if (before is not null)
        {
            InvalidateCharacterSet();
            // Text set before any (0008,0005) was kept as UTF-8 provisionally: convert it to the declared set.
            if (HoldsProvisionalUtf8)
            {
                HoldsProvisionalUtf8 = false;
                TranscodeInPlace(DicomCharacterSet.Utf8, CharacterSet);
            }
        }
        return this;
    }

    /// <summary>Adds an element, failing when the tag is already present.</summary>
    public DicomDataset Add(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (Contains(element.Tag)) throw new DicomDataException(element.Tag, "is already present in the data set.");
        return AddOrUpdate(element);
    }

    /// <summary>Appends an element read from a stream (usually in order; out-of-order and duplicate tags keep the last).</summary>
    internal void AppendRead(DicomElement element)
    {
        if (_elements.Count == 0 || _elements[^1].Tag < element.Tag) _elements.Add(element);
        else AddOrUpdate(element);
        foreach (var item in element.Items) item.Parent = this;
    }

    /// <summary>Removes an element; true when it was present.</summary>
    public bool Remove(DicomTag tag)
    {
        var i = IndexOf(tag);
        if (i < 0) return false;
        _elements.RemoveAt(i);
        if (tag == DicomTag.SpecificCharacterSet) InvalidateCharacterSet();
        return true;
    }

    /// <summary>Removes every element matching the predicate; returns how many.</summary>
    public int RemoveAll(Func<DicomElement, bool> predicate)
    {
        var n = _elements.RemoveAll(e => predicate(e));
        InvalidateCharacterSet();
        return n;
    }

    /// <summary>Deep copy (sequence items are copied; byte values are immutable and shared).</summary>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset(_elements.Count) { HoldsProvisionalUtf8 = HoldsProvisionalUtf8 };
        foreach (var e in _elements) copy.AppendRead(e.Clone());
        return copy;
    }

    public IEnumerator<DicomElement> GetEnumerator() => _elements.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// True when this data set, having no character set of its own nor a parent, was given non-ASCII text: that text
    /// is held as UTF-8 until the data set gets a (0008,0005) or joins a parent, and is then converted.
    /// </summary>
    internal bool HoldsProvisionalUtf8 { get; private set; }

    internal void MarkProvisionalUtf8()
    {
        HoldsProvisionalUtf8 = true;
        InvalidateCharacterSet();
    }

    /// <summary>Makes an item a child of this data set, converting its provisional UTF-8 text to this set's character set.</summary>
    private void Adopt(DicomDataset item)
    {
        item.Parent = this;
        item.InvalidateCharacterSet();
        if (!item.HoldsProvisionalUtf8) return;
        item.HoldsProvisionalUtf8 = false;
        if (Find(DicomTag.SpecificCharacterSet) is null && Parent is null && CharacterSet == DicomCharacterSet.Default)
        {
            MarkProvisionalUtf8(); // this data set has no character set yet either: it now holds UTF-8 text too.
            return;
        }
        item.TranscodeInPlace(DicomCharacterSet.Utf8, item.CharacterSet);
    }

    private void InvalidateCharacterSet()
    {
        _characterSet = null;
        foreach (var e in _elements)
            foreach (var item in e.Items) item.InvalidateCharacterSet();
    }

    private int IndexOf(DicomTag tag)
    {
        var lo = 0;
        var hi = _elements.Count - 1;
        var v = tag.Value;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _elements[mid].Tag.Value;
            if (m == v) return mid;
            if (m < v) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
