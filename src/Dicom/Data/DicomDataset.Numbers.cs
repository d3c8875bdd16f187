using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace VoxDose.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>
    /// The value at <paramref name="index"/> as a number, for DS, IS, FL, FD, US, SS, UL, SL, SV, UV (and OF, OD, OW,
    /// OL). Throws <see cref="DicomDataException"/> naming the tag when absent, out of range or not a number.
    /// </summary>
    public double GetDouble(DicomTag tag, int index = 0)
    {
        var e = FindValue(tag) ?? throw new DicomDataException(tag, "is absent; a number was expected.");
        return ReadNumber(e, index);
    }

    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = 0;
        var e = FindValue(tag);
        if (e is null) return false;
        try
        {
            value = ReadNumber(e, index);
            return true;
        }
        catch (DicomDataException)
        {
            return false;
        }
    }

    /// <summary>All values as numbers (empty when absent); throws naming the tag when one is not a number.</summary>
    public double[] GetDoubles(DicomTag tag)
    {
        var e = FindValue(tag);
        if (e is null) return [];
        if (e.VR is DicomVR.DS or DicomVR.IS)
        {
            // Decoded once and parsed in place, value by value, without a string per value: linear in the element's
            // length (Contour Data holds hundreds of thousands of values).
            // Plain string searches, not the generic span splitters, whose code is compiled at run time.
            TextDecodes++;
            var text = CharacterSet.Decode(e.Data.Span, e.VR);
            var count = 1;
            foreach (var c in text) if (c == '\\') count++;
            if (count == 1 && text.AsSpan().Trim(" \0").IsEmpty) return [];
            var values = new double[count];
            var start = 0;
            for (var i = 0; i < count; i++)
            {
                var end = start;
                while (end < text.Length && text[end] != '\\') end++;
                values[i] = ParseNumberText(e, text.AsSpan(start, end - start));
                start = end + 1;
            }
            return values;
        }
        var n = ValueCount(e);
        var result = new double[n];
        for (var i = 0; i < n; i++) result[i] = ReadNumber(e, i);
        return result;
    }

    /// <summary>The value as an integer; throws naming the tag when absent, not an integer or out of Int32 range.</summary>
    public int GetInt(DicomTag tag, int index = 0)
    {
        var d = GetDouble(tag, index);
        if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
            throw new DicomDataException(tag, $"value {d} at index {index} is not a 32-bit integer.");
        return (int)d;
    }

    public bool TryGetInt(DicomTag tag, out int value, int index = 0)
    {
        value = 0;
        if (!TryGetDouble(tag, out var d, index) || d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue) return false;
        value = (int)d;
        return true;
    }

    /// <summary>All values as integers (empty when absent).</summary>
    public int[] GetInts(DicomTag tag)
    {
        var e = FindValue(tag);
        if (e is null) return [];
        var numbers = GetDoubles(tag);
        var result = new int[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            var d = numbers[i];
            if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
                throw new DicomDataException(tag, $"value {d} at index {i} is not a 32-bit integer.");
            result[i] = (int)d;
        }
        return result;
    }

    /// <summary>
    /// Copies the values of a binary VR as an array of T (for example ushort for US/OW, float for FL/OF, long for SV).
    /// The size of T must match the VR's value size.
    /// </summary>
    public T[] GetValues<T>(DicomTag tag) where T : unmanaged
    {
        var e = FindValue(tag);
        if (e is null) return [];
        var size = Marshal.SizeOf<T>();
        var vrSize = DicomVRInfo.BinaryValueSize(e.VR);
        if (e.VR is not (DicomVR.OB or DicomVR.UN) && vrSize != size)
            throw new DicomDataException(tag, $"has VR {e.VR} ({vrSize}-byte values); cannot read it as {typeof(T).Name}.");
        if (e.Data.Length % size != 0)
            throw new DicomDataException(tag, $"has {e.Data.Length} bytes, not a multiple of {size}.");
        return MemoryMarshal.Cast<byte, T>(e.Data.Span).ToArray();
    }

    /// <summary>Number of values: backslash-separated for strings, length / size for binary VRs.</summary>
    public int GetValueCount(DicomTag tag)
    {
        var e = FindValue(tag);
        return e is null ? 0 : ValueCount(e);
    }

    private int ValueCount(DicomElement e)
    {
        if (e.IsSequence) return e.Items.Count;
        if (DicomVRInfo.IsString(e.VR))
            return e.Data.IsEmpty ? 0 : DicomVRInfo.IsSingleValuedText(e.VR) ? 1 : e.Data.Span.Count((byte)'\\') + 1;
        var size = DicomVRInfo.BinaryValueSize(e.VR);
        return size == 0 ? (e.Data.IsEmpty ? 0 : 1) : e.Data.Length / size;
    }

    private double ReadNumber(DicomElement e, int index)
    {
        if (e.VR is DicomVR.DS or DicomVR.IS)
        {
            var values = DecodeTexts(e);
            if (index < 0 || index >= values.Length)
                throw new DicomDataException(e.Tag, $"has {values.Length} value(s); index {index} does not exist.");
            return ParseNumberText(e, values[index]);
        }
        if (DicomVRInfo.BinaryValueSize(e.VR) == 0 || e.VR == DicomVR.AT)
            throw new DicomDataException(e.Tag, $"has VR {e.VR}, which does not hold numbers.");
        var n = ValueCount(e);
        if (index < 0 || index >= n)
            throw new DicomDataException(e.Tag, $"has {n} value(s); index {index} does not exist.");
        return ReadBinary(e, index);
    }

    /// <summary>One DS or IS value (already split and trimmed) as a number; throws naming the tag when it is not one.</summary>
    private static double ParseNumberText(DicomElement e, ReadOnlySpan<char> text)
    {
        if (!DicomNumberText.TryParseDecimal(text, out var d))
            throw new DicomDataException(e.Tag, $"value {DicomDataException.Quote(e.Tag, text.Trim(" \0").ToString())} is not a valid {e.VR} number.");
        if (e.VR == DicomVR.IS && d != Math.Floor(d))
            throw new DicomDataException(e.Tag, $"value {DicomDataException.Quote(e.Tag, text.Trim(" \0").ToString())} is not an integer (IS).");
        return d;
    }

    private static double ReadBinary(DicomElement e, int index)
    {
        var s = e.Data.Span;
        return e.VR switch
        {
            DicomVR.US or DicomVR.OW => BinaryPrimitives.ReadUInt16LittleEndian(s[(2 * index)..]),
            DicomVR.SS => BinaryPrimitives.ReadInt16LittleEndian(s[(2 * index)..]),
            DicomVR.UL or DicomVR.OL => BinaryPrimitives.ReadUInt32LittleEndian(s[(4 * index)..]),
            DicomVR.SL => BinaryPrimitives.ReadInt32LittleEndian(s[(4 * index)..]),
            DicomVR.FL or DicomVR.OF => BinaryPrimitives.ReadSingleLittleEndian(s[(4 * index)..]),
            DicomVR.FD or DicomVR.OD => BinaryPrimitives.ReadDoubleLittleEndian(s[(8 * index)..]),
            DicomVR.SV => BinaryPrimitives.ReadInt64LittleEndian(s[(8 * index)..]),
            DicomVR.UV or DicomVR.OV => BinaryPrimitives.ReadUInt64LittleEndian(s[(8 * index)..]),
            _ => throw new DicomDataException(e.Tag, $"has VR {e.VR}, which does not hold numbers."),
        };
    }
}
