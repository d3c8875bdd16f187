using System.Buffers.Binary;
using System.Globalization;
using VoxDose.Dicom.Text;

namespace VoxDose.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>
    /// The whole value as text, padding trimmed (multi-valued strings keep their backslashes), or null when the
    /// element is absent. Binary numbers and AT are formatted and joined by backslash; SQ and opaque VRs throw.
    /// </summary>
    public string? GetString(DicomTag tag)
    {
        var e = FindValue(tag);
        if (e is null) return null;
        if (DicomVRInfo.IsString(e.VR))
            return DicomStringCodec.Trim(CharacterSet.Decode(e.Data.Span, e.VR), e.VR);
        return string.Join('\\', GetStrings(tag));
    }

    /// <summary>The values of a multi-valued element as text (empty when absent or empty).</summary>
    public string[] GetStrings(DicomTag tag)
    {
        var e = FindValue(tag);
        if (e is null) return [];
        if (DicomVRInfo.IsString(e.VR)) return DecodeTexts(e);
        if (DicomVRInfo.IsBinaryNumber(e.VR))
        {
            var n = ValueCount(e);
            var result = new string[n];
            for (var i = 0; i < n; i++) result[i] = FormatBinary(e, i);
            return result;
        }
        if (e.VR == DicomVR.AT)
        {
            var tags = GetTags(tag);
            return tags.Select(t => t.ToHexString()).ToArray();
        }
        throw new DicomDataException(tag, $"has VR {e.VR}, which is not text.");
    }

    /// <summary>
    /// Decodes a text element's bytes and splits them into values: the one place a multi-valued text is decoded, so
    /// its cost is counted (<see cref="TextDecodes"/>) and a reader that decodes an element once per value shows up.
    /// </summary>
    private string[] DecodeTexts(DicomElement e)
    {
        TextDecodes++;
        return DicomStringCodec.Split(CharacterSet.Decode(e.Data.Span, e.VR), e.VR);
    }

    /// <summary>How many times this thread decoded a text element into its values (a work counter for tests).</summary>
    [ThreadStatic]
    internal static long TextDecodes;

    /// <summary>The values of an AT element.</summary>
    public DicomTag[] GetTags(DicomTag tag)
    {
        var e = FindValue(tag);
        if (e is null) return [];
        if (e.VR != DicomVR.AT) throw new DicomDataException(tag, $"has VR {e.VR}, not AT.");
        var span = e.Data.Span;
        var result = new DicomTag[span.Length / 4];
        for (var i = 0; i < result.Length; i++)
            result[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(span[(4 * i)..]), BinaryPrimitives.ReadUInt16LittleEndian(span[(4 * i + 2)..]));
        return result;
    }

    /// <summary>The raw value bytes (little endian) of a non-sequence element; empty when absent.</summary>
    public ReadOnlyMemory<byte> GetBytes(DicomTag tag)
    {
        var e = Find(tag);
        if (e is null) return ReadOnlyMemory<byte>.Empty;
        if (e.IsSequence) throw new DicomDataException(tag, "is a sequence, not a byte value.");
        if (e.IsEncapsulated) throw new DicomDataException(tag, "holds encapsulated fragments; read Fragments instead.");
        return e.Data;
    }

    /// <summary>The items of a sequence (empty when absent).</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag)
    {
        var e = Find(tag);
        if (e is null) return [];
        if (!e.IsSequence) throw new DicomDataException(tag, $"has VR {e.VR}, not SQ.");
        return e.Items;
    }

    /// <summary>
    /// The element for reading its value. A UN element whose tag the dictionary knows with one non-sequence VR is
    /// interpreted with that VR (as PS3.5 6.2.2 allows once the VR is known), so e.g. a UN SOP Class UID reads as text.
    /// </summary>
    private DicomElement? FindValue(DicomTag tag)
    {
        var e = Find(tag);
        if (e is not { VR: DicomVR.UN, IsEncapsulated: false }) return e;
        var vr = Dictionary.DicomDictionary.Lookup(tag)?.DefaultVR ?? DicomVR.UN;
        return vr is DicomVR.UN or DicomVR.SQ ? e : new DicomElement(tag, vr, e.Data);
    }

    /// <summary>The person name value (first value when several), or null when absent or empty.</summary>
    public DicomPersonName? GetPersonName(DicomTag tag, int index = 0)
    {
        var values = GetStrings(tag);
        return index < values.Length ? DicomPersonName.Parse(values[index]) : null;
    }

    private static string FormatBinary(DicomElement e, int index) => e.VR switch
    {
        DicomVR.FL or DicomVR.FD => ReadBinary(e, index).ToString("R", CultureInfo.InvariantCulture),
        DicomVR.SV => BinaryPrimitives.ReadInt64LittleEndian(e.Data.Span[(8 * index)..]).ToString(CultureInfo.InvariantCulture),
        DicomVR.UV => BinaryPrimitives.ReadUInt64LittleEndian(e.Data.Span[(8 * index)..]).ToString(CultureInfo.InvariantCulture),
        _ => ReadBinary(e, index).ToString(CultureInfo.InvariantCulture),
    };
}
