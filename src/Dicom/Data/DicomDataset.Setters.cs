using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using VoxDose.Dicom.Dictionary;

namespace VoxDose.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>
    /// Sets string values (joined with backslash). For binary number VRs (US, SS, UL, SL, FL, FD, SV, UV) the strings
    /// are parsed as numbers; for AT as tags. Text VRs are encoded in this data set's Specific Character Set.
    /// </summary>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (DicomVRInfo.IsString(vr))
        {
            if (DicomVRInfo.IsSingleValuedText(vr) && values.Length > 1)
                throw new DicomDataException(tag, $"VR {vr} holds a single value; {values.Length} were given.");
            var joined = string.Join('\\', values);
            byte[] bytes;
            if (tag == DicomTag.SpecificCharacterSet) bytes = System.Text.Encoding.ASCII.GetBytes(joined);
            else if (DicomVRInfo.UsesCharacterSet(vr) && !System.Text.Ascii.IsValid(joined) && Parent is null && !Contains(DicomTag.SpecificCharacterSet))
            {
                // No character set declared yet: keep the text as UTF-8 until (0008,0005) is set or a parent adopts this data set.
                MarkProvisionalUtf8();
                bytes = System.Text.Encoding.UTF8.GetBytes(joined);
            }
            else bytes = CharacterSet.Encode(joined, vr, tag);
            return AddOrUpdate(new DicomElement(tag, vr, bytes));
        }
        if (vr == DicomVR.AT) return AddOrUpdate(tag, values.Select(DicomTag.Parse).ToArray());
        if (DicomVRInfo.IsBinaryNumber(vr))
        {
            var numbers = new double[values.Length];
            for (var i = 0; i < values.Length; i++)
                if (!DicomNumberText.TryParseDecimal(values[i], out numbers[i]))
                    throw new DicomDataException(tag, $"{DicomDataException.Quote(tag, values[i])} is not a number for VR {vr}.");
            return AddOrUpdate(tag, vr, numbers);
        }
        throw new DicomDataException(tag, $"VR {vr} cannot be set from strings.");
    }

    /// <summary>Sets string values with the VR from the dictionary.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, params string[] values) => AddOrUpdate(tag, DictionaryVR(tag), values);

    /// <summary>
    /// Sets numbers: DS formatted within 16 characters, IS as integers, binary VRs (US, SS, UL, SL, FL, FD, SV, UV,
    /// OF, OD, OW, OL, OV) little endian. Values outside the VR's range throw naming the tag.
    /// </summary>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (vr is DicomVR.DS or DicomVR.IS)
        {
            var text = new string[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                try
                {
                    text[i] = vr == DicomVR.DS ? DicomNumberText.FormatDecimalString(values[i]) : DicomNumberText.FormatIntegerString(values[i]);
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    throw new DicomDataException(tag, $"{values[i]} cannot be written as {vr}: {ex.Message}", ex);
                }
            }
            return AddOrUpdate(new DicomElement(tag, vr, System.Text.Encoding.ASCII.GetBytes(string.Join('\\', text))));
        }
        var size = DicomVRInfo.BinaryValueSize(vr);
        if (size == 0 || vr == DicomVR.AT) throw new DicomDataException(tag, $"VR {vr} does not hold numbers.");
        var bytes = new byte[size * values.Length];
        for (var i = 0; i < values.Length; i++) WriteBinary(tag, vr, values[i], bytes.AsSpan(i * size, size));
        return AddOrUpdate(new DicomElement(tag, vr, bytes));
    }

    /// <summary>Sets numbers with the VR from the dictionary (US for US|SS attributes).</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, params double[] values) => AddOrUpdate(tag, DictionaryVR(tag), values);

    /// <summary>Sets raw value bytes (little endian for multi-byte VRs). The array is taken, not copied.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (vr == DicomVR.SQ) throw new DicomDataException(tag, "use AddOrUpdateSequence for SQ.");
        return AddOrUpdate(new DicomElement(tag, vr, bytes));
    }

    /// <summary>Sets binary values from an array of T (e.g. ushort[] for US/OW, float[] for FL/OF), copied little endian.</summary>
    public DicomDataset AddOrUpdateValues<T>(DicomTag tag, DicomVR vr, ReadOnlySpan<T> values) where T : unmanaged
    {
        var size = DicomVRInfo.BinaryValueSize(vr);
        if (vr is not (DicomVR.OB or DicomVR.UN) && size != Marshal.SizeOf<T>())
            throw new DicomDataException(tag, $"VR {vr} has {size}-byte values; {typeof(T).Name} does not fit.");
        return AddOrUpdate(new DicomElement(tag, vr, MemoryMarshal.AsBytes(values).ToArray()));
    }

    /// <summary>Sets AT values.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, params DicomTag[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4 * i), values[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4 * i + 2), values[i].Element);
        }
        return AddOrUpdate(new DicomElement(tag, DicomVR.AT, bytes));
    }

    /// <summary>Sets a PN value.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomPersonName name) => AddOrUpdate(tag, DicomVR.PN, name.ToString());

    /// <summary>Sets a sequence; the items become children of this data set (they inherit its character set).</summary>
    public DicomDataset AddOrUpdateSequence(DicomTag tag, IEnumerable<DicomDataset> items) =>
        AddOrUpdate(DicomElement.Sequence(tag, items.ToList()));

    /// <summary>Sets a sequence with the given items.</summary>
    public DicomDataset AddOrUpdateSequence(DicomTag tag, params DicomDataset[] items) =>
        AddOrUpdateSequence(tag, (IEnumerable<DicomDataset>)items);

    private static DicomVR DictionaryVR(DicomTag tag) =>
        DicomDictionary.Lookup(tag)?.DefaultVR is { } vr and not DicomVR.UN ? vr
            : throw new DicomDataException(tag, "is not in the data dictionary; give its VR explicitly.");

    private static void WriteBinary(DicomTag tag, DicomVR vr, double v, Span<byte> dest)
    {
        void RequireInteger(double min, double max)
        {
            if (v != Math.Floor(v) || v < min || v > max)
                throw new DicomDataException(tag, $"{v.ToString(CultureInfo.InvariantCulture)} is not a valid {vr} value (integer in [{min}, {max}]).");
        }

        switch (vr)
        {
            case DicomVR.US or DicomVR.OW: RequireInteger(0, ushort.MaxValue); BinaryPrimitives.WriteUInt16LittleEndian(dest, (ushort)v); break;
            case DicomVR.SS: RequireInteger(short.MinValue, short.MaxValue); BinaryPrimitives.WriteInt16LittleEndian(dest, (short)v); break;
            case DicomVR.UL or DicomVR.OL: RequireInteger(0, uint.MaxValue); BinaryPrimitives.WriteUInt32LittleEndian(dest, (uint)v); break;
            case DicomVR.SL: RequireInteger(int.MinValue, int.MaxValue); BinaryPrimitives.WriteInt32LittleEndian(dest, (int)v); break;
            case DicomVR.SV: RequireInteger(-9.2233720368547758E18, 9.2233720368547758E18); BinaryPrimitives.WriteInt64LittleEndian(dest, (long)v); break;
            case DicomVR.UV or DicomVR.OV: RequireInteger(0, 1.8446744073709552E19); BinaryPrimitives.WriteUInt64LittleEndian(dest, (ulong)v); break;
            case DicomVR.FL or DicomVR.OF: BinaryPrimitives.WriteSingleLittleEndian(dest, (float)v); break;
            case DicomVR.FD or DicomVR.OD: BinaryPrimitives.WriteDoubleLittleEndian(dest, v); break;
            default: throw new DicomDataException(tag, $"VR {vr} does not hold numbers.");
        }
    }
}
