using System.Buffers.Binary;
using VoxDose.Dicom.Dictionary;

namespace VoxDose.Dicom.IO;

/// <summary>
/// Parses encoded data sets from one byte buffer (PS3.5 section 7). Values are slices of the buffer (no copy) unless
/// big-endian bytes must be swapped. Handles defined and undefined lengths, encapsulated pixel data, UN with
/// undefined length (parsed as Implicit VR Little Endian, PS3.5 6.2.2) and odd lengths.
/// </summary>
internal sealed class DicomParser
{
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);
    private const uint Undefined = 0xFFFFFFFF;

    private readonly byte[] _buffer;
    private readonly bool _complete;
    private readonly DicomReadOptions _options;

    /// <param name="buffer">The bytes to parse.</param>
    /// <param name="complete">False when the buffer holds only the start of the stream (header scans); running out then throws <see cref="NeedMoreDataException"/>.</param>
    public DicomParser(byte[] buffer, bool complete, DicomReadOptions options)
    {
        _buffer = buffer;
        _complete = complete;
        _options = options;
    }

    /// <summary>True when parsing stopped at pixel data because of <see cref="DicomReadOptions.StopBeforePixelData"/>.</summary>
    public bool StoppedBeforePixelData { get; private set; }

    /// <summary>Warnings about tolerated deviations (odd lengths, trailing bytes...).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Parses a top-level data set from <paramref name="position"/> to <paramref name="end"/>.</summary>
    public DicomDataset ParseDataset(int position, int end, bool explicitVR, bool littleEndian)
    {
        var dataset = new DicomDataset(64);
        var pos = position;
        ParseElements(dataset, ref pos, end, explicitVR, littleEndian, topLevel: true, depth: 0, stopAtGroupChange: -1);
        ResolveAmbiguousVRs();
        return dataset;
    }

    private readonly List<(DicomDataset Dataset, DicomTag Tag)> _ambiguous = [];

    /// <summary>
    /// Implicit-VR elements whose dictionary VR is US or SS (pixel values such as (0028,0106)) become SS when the
    /// Pixel Representation (0028,0103) of their data set, or of an enclosing one, is 1 (signed), as DCMTK reads them.
    /// LUT descriptors stay US: their first and third values are always unsigned (PS3.3 C.11.1.1).
    /// </summary>
    private void ResolveAmbiguousVRs()
    {
        foreach (var (ds, tag) in _ambiguous)
        {
            if (tag.Group == 0x0028 && tag.Element is 0x1100 or 0x1101 or 0x1102 or 0x1103 or 0x1111 or 0x1112 or 0x1113 or 0x3002) continue;
            int? representation = null;
            for (var d = ds; d is not null && representation is null; d = d.Parent)
                if (d.Find(DicomTag.PixelRepresentation) is { VR: DicomVR.US, Data.Length: >= 2 } pr)
                    representation = BinaryPrimitives.ReadUInt16LittleEndian(pr.Data.Span);
            if (representation == 1 && ds.Find(tag) is { VR: DicomVR.US } e)
                ds.AddOrUpdate(new DicomElement(tag, DicomVR.SS, e.Data));
        }
        _ambiguous.Clear();
    }

    /// <summary>Parses the elements of one group (the file meta information, group 0002), detecting explicit or implicit VR per element.</summary>
    public DicomDataset ParseGroup(ref int pos, int end, ushort group)
    {
        var dataset = new DicomDataset(8);
        var explicitVR = pos + 6 <= end && DicomVRInfo.TryParse(_buffer[pos + 4], _buffer[pos + 5], out _);
        ParseElements(dataset, ref pos, end, explicitVR, true, topLevel: false, depth: 0, stopAtGroupChange: group);
        return dataset;
    }

    /// <returns>True when an item delimitation ended the elements.</returns>
    private bool ParseElements(DicomDataset target, ref int pos, int end, bool explicitVR, bool le, bool topLevel, int depth, int stopAtGroupChange)
    {
        while (pos < end)
        {
            if (end - pos < 8)
            {
                if (!_complete) throw new NeedMoreDataException();
                if (_buffer.AsSpan(pos, end - pos).ContainsAnyExcept((byte)0))
                    Warnings.Add($"{end - pos} trailing byte(s) at offset {pos} ignored.");
                pos = end;
                return false;
            }
            var span = _buffer.AsSpan(pos);
            var group = U16(span, le);
            var element = U16(span[2..], le);
            var tag = new DicomTag(group, element);
            if (stopAtGroupChange >= 0 && group != stopAtGroupChange) return false;
            if (group == 0xFFFE)
            {
                pos += 8;
                if (element == 0xE00D) return true;
                if (element == 0xE0DD)
                {
                    Warnings.Add($"Unexpected sequence delimiter at offset {pos - 8} ignored.");
                    continue;
                }
                throw new DicomDataException($"Unexpected item tag {tag} at offset {pos - 8} outside a sequence.");
            }
            if (topLevel && _options.StopBeforePixelData && tag.Value is 0x7FE00010 or 0x7FE00008 or 0x7FE00009)
            {
                StoppedBeforePixelData = true;
                pos = end;
                return false;
            }

            DicomVR vr;
            uint length;
            var elementExplicit = explicitVR;
            var illegalVR = false;
            if (elementExplicit && !DicomVRInfo.TryParse(span[4], span[5], out vr))
            {
                if (IsUpperLetter(span[4]) && IsUpperLetter(span[5]))
                {
                    // DCMTK tolerance: an element whose VR bytes are not a VR is read as implicit VR.
                    Warnings.Add($"{tag} at offset {pos} has no valid VR; read as implicit VR.");
                    elementExplicit = false;
                }
                else
                {
                    // Bytes that are not two upper-case letters (two spaces "  " in Pixel Padding Value, "??") are an
                    // illegal VR with a 2-byte length, as DCMTK reads them (dcvr.cc, EVR_UNKNOWN2B); the value is UN.
                    Warnings.Add($"{tag} at offset {pos}: non-standard VR ({span[4]:X2}\\{span[5]:X2}); assuming a 2-byte length field, read as UN.");
                    illegalVR = true;
                }
                vr = DicomVR.UN;
            }
            else
            {
                vr = DicomVR.UN;
                if (elementExplicit) DicomVRInfo.TryParse(span[4], span[5], out vr);
            }
            int headerSize;
            if (illegalVR)
            {
                length = U16(span[6..], le);
                headerSize = 8;
            }
            else if (elementExplicit)
            {
                if (DicomVRInfo.HasLongLength(vr))
                {
                    if (end - pos < 12) { if (!_complete) throw new NeedMoreDataException(); throw Truncated(tag, pos); }
                    length = U32(span[8..], le);
                    headerSize = 12;
                }
                else
                {
                    length = U16(span[6..], le);
                    headerSize = 8;
                }
            }
            else
            {
                vr = ImplicitVR(tag, target);
                length = U32(span[4..], le);
                headerSize = 8;
                if (vr == DicomVR.US && DicomDictionary.Lookup(tag)?.ValueRepresentations is [DicomVR.US, DicomVR.SS]) _ambiguous.Add((target, tag));
            }
            pos += headerSize;

            if (length == Undefined)
            {
                if (tag == PixelData || (elementExplicit && vr is DicomVR.OB or DicomVR.OW))
                {
                    target.AppendRead(DicomElement.Encapsulated(tag, vr, ParseFragments(ref pos, end, le, tag)));
                    continue;
                }
                // SQ, or UN / unknown holding a sequence: UN content is Implicit VR Little Endian (PS3.5 6.2.2).
                var itemsExplicit = vr == DicomVR.UN ? false : elementExplicit;
                var itemsLe = vr == DicomVR.UN || le;
                target.AppendRead(DicomElement.Sequence(tag, ParseItems(ref pos, end, true, itemsExplicit, itemsLe, depth + 1, tag)));
                continue;
            }

            if (length > (uint)(end - pos))
            {
                if (!_complete) throw new NeedMoreDataException();
                if (vr != DicomVR.SQ)
                    throw new DicomDataException(tag, $"value length {length} at offset {pos - headerSize} runs past the end of the data ({end - pos} bytes left).");
                // Tolerated as DCMTK does: a sequence whose length overshoots is read up to the end of the data.
                Warnings.Add($"{tag}: sequence length {length} runs past the end of the data; read up to the end.");
                length = (uint)(end - pos);
            }
            var len = (int)length;
            if ((len & 1) == 1 && vr != DicomVR.SQ) Warnings.Add($"{tag} has odd length {len}.");
            if (vr == DicomVR.SQ)
            {
                var itemEnd = pos + len;
                var items = ParseItems(ref pos, itemEnd, false, elementExplicit, le, depth + 1, tag);
                pos = itemEnd;
                target.AppendRead(DicomElement.Sequence(tag, items));
                continue;
            }
            ReadOnlyMemory<byte> data;
            var unit = DicomVRInfo.SwapUnit(vr);
            if (!le && unit > 1) data = ByteSwap.Swapped(_buffer.AsSpan(pos, len), unit);
            else data = new ReadOnlyMemory<byte>(_buffer, pos, len);
            pos += len;
            target.AppendRead(new DicomElement(tag, vr, data));
        }
        // A prefix that ends exactly at an element boundary says nothing about what follows: more elements may.
        if (!_complete && end == _buffer.Length) throw new NeedMoreDataException();
        return false;
    }

    private List<DicomDataset> ParseItems(ref int pos, int end, bool undefinedLength, bool explicitVR, bool le, int depth, DicomTag sequenceTag)
    {
        if (depth > _options.MaxSequenceDepth)
            throw new DicomDataException(sequenceTag, $"sequences nest deeper than {_options.MaxSequenceDepth} levels.");
        var items = new List<DicomDataset>();
        while (pos < end)
        {
            if (end - pos < 8)
            {
                if (!_complete) throw new NeedMoreDataException();
                throw Truncated(sequenceTag, pos);
            }
            var span = _buffer.AsSpan(pos);
            var group = U16(span, le);
            var element = U16(span[2..], le);
            var length = U32(span[4..], le);
            if (group == 0xFFFE && element == 0xE0DD)
            {
                pos += 8;
                return items;
            }
            if (group != 0xFFFE || element != 0xE000)
                throw new DicomDataException(sequenceTag, $"expected an item tag at offset {pos}, found ({group:X4},{element:X4}).");
            pos += 8;
            var item = new DicomDataset();
            if (length == Undefined)
            {
                var delimited = ParseElements(item, ref pos, end, explicitVR, le, false, depth, -1);
                if (!delimited && !_complete) throw new NeedMoreDataException();
                if (!delimited) Warnings.Add($"{sequenceTag}: item without delimitation at end of data.");
            }
            else
            {
                var itemEnd = pos + (int)Math.Min(length, (uint)(end - pos));
                if (length > (uint)(end - pos))
                {
                    if (!_complete) throw new NeedMoreDataException();
                    // Tolerated as DCMTK does: the item is read up to the end of its sequence.
                    Warnings.Add($"{sequenceTag}: item length {length} at offset {pos - 8} runs past the end of its sequence; item cut at the sequence end.");
                }
                ParseElements(item, ref pos, itemEnd, explicitVR, le, false, depth, -1);
                pos = itemEnd;
            }
            items.Add(item);
        }
        if (undefinedLength)
        {
            if (!_complete) throw new NeedMoreDataException();
            Warnings.Add($"{sequenceTag}: sequence without delimitation at end of data.");
        }
        return items;
    }

    private DicomFragments ParseFragments(ref int pos, int end, bool le, DicomTag tag)
    {
        var fragments = new List<ReadOnlyMemory<byte>>();
        ReadOnlyMemory<byte>? offsetTable = null;
        while (true)
        {
            if (end - pos < 8)
            {
                if (!_complete) throw new NeedMoreDataException();
                Warnings.Add($"{tag}: encapsulated data without sequence delimiter.");
                break;
            }
            var span = _buffer.AsSpan(pos);
            var group = U16(span, le);
            var element = U16(span[2..], le);
            var length = U32(span[4..], le);
            pos += 8;
            if (group == 0xFFFE && element == 0xE0DD) break;
            if (group != 0xFFFE || element != 0xE000)
                throw new DicomDataException(tag, $"expected a fragment item at offset {pos - 8}, found ({group:X4},{element:X4}).");
            if (length > (uint)(end - pos))
            {
                if (!_complete) throw new NeedMoreDataException();
                throw new DicomDataException(tag, $"fragment length {length} at offset {pos - 8} runs past the end of the data.");
            }
            var slice = new ReadOnlyMemory<byte>(_buffer, pos, (int)length);
            pos += (int)length;
            if (offsetTable is null) offsetTable = slice;
            else fragments.Add(slice);
        }
        return new DicomFragments(offsetTable ?? ReadOnlyMemory<byte>.Empty, fragments);
    }

    /// <summary>The VR of an implicit-VR element: the dictionary's, the private dictionary's for known creators, else UN.</summary>
    private static DicomVR ImplicitVR(DicomTag tag, DicomDataset dataset)
    {
        if (tag.IsPrivate && !tag.IsPrivateCreator && tag.Element > 0x00FF)
            return DicomPrivateDictionary.LookupVR(tag, dataset) ?? DicomVR.UN;
        return DicomDictionary.DefaultVR(tag);
    }

    private static bool IsUpperLetter(byte b) => b is >= (byte)'A' and <= (byte)'Z';

    private static DicomDataException Truncated(DicomTag tag, int pos) =>
        new(tag, $"data ends inside the element header at offset {pos}.");

    private static ushort U16(ReadOnlySpan<byte> s, bool le) =>
        le ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);

    private static uint U32(ReadOnlySpan<byte> s, bool le) =>
        le ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
}
