using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using VoxDose.Dicom.Text;

namespace VoxDose.Dicom.Json;

/// <summary>
/// Writes the DICOM JSON Model (PS3.18 Annex F): tags as "GGGGEEEE" keys in ascending order, "vr", and "Value"
/// (omitted when empty). Numbers (DS, IS, FL, FD, US, SS, UL, SL, SV, UV) are JSON numbers, PN values are objects
/// with Alphabetic/Ideographic/Phonetic groups, AT values are "GGGGEEEE" strings, binary values are "InlineBinary"
/// base64, sequences nest, private elements are included. Encapsulated pixel data is written as InlineBinary of
/// its encapsulated encoding (the items with their tags and lengths, PS3.5 A.4).
/// </summary>
public static class DicomJsonWriter
{
    /// <summary>The JSON text of a data set.</summary>
    public static string ToJson(DicomDataset dataset, bool indented = false)
    {
        using var ms = new MemoryStream();
        Write(ms, dataset, indented);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void Write(Stream stream, DicomDataset dataset, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = false,
        });
        Write(writer, dataset);
    }

    public static void Write(Utf8JsonWriter writer, DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(dataset);
        writer.WriteStartObject();
        foreach (var e in dataset)
        {
            if (e.Tag.Element == 0) continue; // group lengths are not part of the JSON model
            writer.WritePropertyName(e.Tag.ToHexString());
            WriteElement(writer, dataset, e);
        }
        writer.WriteEndObject();
    }

    private static void WriteElement(Utf8JsonWriter w, DicomDataset ds, DicomElement e)
    {
        w.WriteStartObject();
        w.WriteString("vr", DicomVRInfo.Code(e.VR));
        if (e.IsSequence)
        {
            if (e.Items.Count > 0)
            {
                w.WriteStartArray("Value");
                foreach (var item in e.Items) Write(w, item);
                w.WriteEndArray();
            }
        }
        else if (e.Fragments is { } f)
        {
            w.WriteBase64String("InlineBinary", EncodeFragments(f));
        }
        else if (DicomVRInfo.IsOpaque(e.VR))
        {
            if (!e.Data.IsEmpty) w.WriteBase64String("InlineBinary", PaddedToEven(e.Data.Span));
        }
        else if (e.Tag == DicomTag.SpecificCharacterSet && ds.Parent is null)
        {
            // JSON text is always UTF-8 (PS3.18 F.2); values are transcoded, so the data set's character set is
            // ISO_IR 192. As DCMTK's dcm2json does, only the top-level element is replaced; items keep theirs.
            w.WriteStartArray("Value");
            w.WriteStringValue("ISO_IR 192");
            w.WriteEndArray();
        }
        else if (e.VR == DicomVR.AT)
        {
            var tags = ds.GetTags(e.Tag);
            if (tags.Length > 0)
            {
                w.WriteStartArray("Value");
                foreach (var t in tags) w.WriteStringValue(t.ToHexString());
                w.WriteEndArray();
            }
        }
        else if (DicomVRInfo.IsBinaryNumber(e.VR))
        {
            WriteBinaryNumbers(w, e);
        }
        else
        {
            WriteStrings(w, ds, e);
        }
        w.WriteEndObject();
    }

    private static void WriteBinaryNumbers(Utf8JsonWriter w, DicomElement e)
    {
        var size = DicomVRInfo.BinaryValueSize(e.VR);
        var n = e.Data.Length / size;
        if (n == 0) return;
        var s = e.Data.Span;
        w.WriteStartArray("Value");
        for (var i = 0; i < n; i++)
        {
            var v = s.Slice(i * size, size);
            switch (e.VR)
            {
                case DicomVR.US: w.WriteNumberValue(System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(v)); break;
                case DicomVR.SS: w.WriteNumberValue(System.Buffers.Binary.BinaryPrimitives.ReadInt16LittleEndian(v)); break;
                case DicomVR.UL: w.WriteNumberValue(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(v)); break;
                case DicomVR.SL: w.WriteNumberValue(System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(v)); break;
                case DicomVR.SV: w.WriteNumberValue(System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(v)); break;
                case DicomVR.UV: w.WriteNumberValue(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(v)); break;
                case DicomVR.FL: WriteFloat(w, System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(v)); break;
                default: WriteFloat(w, System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(v)); break;
            }
        }
        w.WriteEndArray();
    }

    private static void WriteFloat(Utf8JsonWriter w, double value)
    {
        // JSON has no NaN or infinity; PS3.18 F.2.3.1 leaves them unrepresentable, so they are written as strings.
        if (double.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteFloat(Utf8JsonWriter w, float value)
    {
        if (float.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteStrings(Utf8JsonWriter w, DicomDataset ds, DicomElement e)
    {
        var text = ds.CharacterSet.Decode(e.Data.Span, e.VR);
        var values = DicomStringCodec.Split(text, e.VR);
        if (values.Length == 0 || (e.VR == DicomVR.PN && values.All(IsEmptyName))) return;
        w.WriteStartArray("Value");
        foreach (var v in values)
        {
            if (v.Length == 0 || (e.VR == DicomVR.PN && IsEmptyName(v)))
            {
                w.WriteNullValue();
                continue;
            }
            switch (e.VR)
            {
                case DicomVR.PN:
                    WritePersonName(w, v);
                    break;
                case DicomVR.IS when long.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var l):
                    w.WriteNumberValue(l);
                    break;
                case DicomVR.IS or DicomVR.DS when DicomNumberText.TryParseDecimal(v, out var d):
                    w.WriteNumberValue(d);
                    break;
                default:
                    w.WriteStringValue(v);
                    break;
            }
        }
        w.WriteEndArray();
    }

    /// <summary>Odd-length binary values are shown as the writer encodes them: padded with one zero byte.</summary>
    private static ReadOnlySpan<byte> PaddedToEven(ReadOnlySpan<byte> data)
    {
        if ((data.Length & 1) == 0) return data;
        var padded = new byte[data.Length + 1];
        data.CopyTo(padded);
        return padded;
    }

    /// <summary>True when a PN value has no characters besides component and group delimiters.</summary>
    private static bool IsEmptyName(string value) => value.Trim('^', '=', ' ').Length == 0;

    private static void WritePersonName(Utf8JsonWriter w, string value)
    {
        var groups = value.Split('=').Select(g => g.TrimEnd('^', ' ')).ToArray();
        w.WriteStartObject();
        string[] names = ["Alphabetic", "Ideographic", "Phonetic"];
        for (var i = 0; i < groups.Length && i < 3; i++)
            if (groups[i].Length > 0) w.WriteString(names[i], groups[i]);
        w.WriteEndObject();
    }

    private static byte[] EncodeFragments(DicomFragments f)
    {
        using var ms = new MemoryStream();
        Span<byte> header = stackalloc byte[8];
        void Item(ReadOnlySpan<byte> data, Span<byte> h)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(h, 0xE000FFFE);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)(data.Length + (data.Length & 1)));
            ms.Write(h);
            ms.Write(data);
            if ((data.Length & 1) == 1) ms.WriteByte(0);
        }
        Item(f.OffsetTable.Span, header);
        foreach (var frag in f.Fragments) Item(frag.Span, header);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header, 0xE0DDFFFE);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 0);
        ms.Write(header);
        return ms.ToArray();
    }
}
