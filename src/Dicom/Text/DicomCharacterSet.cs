using System.Text;

namespace VoxDose.Dicom.Text;

/// <summary>
/// Specific Character Set (0008,0005) handling (PS3.3 C.12.1.1.2, PS3.5 6.1). Single-byte sets and UTF-8/GB18030/GBK
/// map to .NET encodings; ISO 2022 code extensions are decoded by <see cref="Iso2022Decoder"/>. Unknown terms fall
/// back to Latin-1 and are reported by <see cref="Warning"/>, so the bytes survive a round trip.
/// </summary>
public sealed class DicomCharacterSet
{
    static DicomCharacterSet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The default repertoire (ISO_IR 6). Bytes above 0x7F are decoded as Latin-1 to keep them visible.</summary>
    public static DicomCharacterSet Default { get; } = new([]);

    public static DicomCharacterSet Utf8 { get; } = new(["ISO_IR 192"]);

    private readonly Encoding _encoding;
    private readonly bool _usesCodeExtensions;

    private DicomCharacterSet(string[] terms)
    {
        Terms = terms;
        var first = terms.Length > 0 ? terms[0].Trim() : "";
        _usesCodeExtensions = terms.Length > 1 || first.StartsWith("ISO 2022", StringComparison.Ordinal);
        var encoding = EncodingForTerm(first);
        if (encoding is null)
        {
            Warning = $"Specific Character Set '{string.Join('\\', terms)}' is not supported; values are read as Latin-1.";
            encoding = Encoding.Latin1;
        }
        _encoding = encoding;
        if (_usesCodeExtensions)
            foreach (var t in terms.Skip(1))
                if (EncodingForTerm(t.Trim()) is null)
                    Warning = $"Specific Character Set term '{t}' is not supported; its characters may be decoded wrongly.";
    }

    /// <summary>The defined terms as read from (0008,0005).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Why decoding may be lossy, or null.</summary>
    public string? Warning { get; }

    /// <summary>The character set for the values of (0008,0005), e.g. ["ISO_IR 100"] or ["", "ISO 2022 IR 87"].</summary>
    public static DicomCharacterSet FromTerms(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0 || (terms.Count == 1 && terms[0].Trim() is "" or "ISO_IR 6" or "ISO 2022 IR 6")) return Default;
        if (terms.Count == 1 && terms[0].Trim() == "ISO_IR 192") return Utf8;
        return new DicomCharacterSet(terms.ToArray());
    }

    /// <summary>Decodes the bytes of a string value of the given VR.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        if (!DicomVRInfo.UsesCharacterSet(vr) || (IsAscii(bytes) && (!_usesCodeExtensions || !bytes.Contains((byte)0x1B))))
            return Encoding.Latin1.GetString(bytes);
        return _usesCodeExtensions ? Iso2022Decoder.Decode(bytes, Terms, vr == DicomVR.PN) : _encoding.GetString(bytes);
    }

    /// <summary>Encodes a string value; throws when a character cannot be represented in this character set.</summary>
    public byte[] Encode(string value, DicomVR vr, DicomTag tag)
    {
        var ascii = true;
        foreach (var c in value)
            if (c > 0x7F) { ascii = false; break; }
        if (ascii) return Encoding.ASCII.GetBytes(value);
        if (!DicomVRInfo.UsesCharacterSet(vr))
            throw new DicomDataException(tag, $"VR {vr} allows only the default character repertoire; {DicomDataException.Quote(tag, value)} has other characters.");
        if (_usesCodeExtensions || ReferenceEquals(this, Default))
            throw new DicomDataException(tag,
                $"{DicomDataException.Quote(tag, value)} cannot be encoded in Specific Character Set '{string.Join('\\', Terms)}'; set (0008,0005) to ISO_IR 192 first.");
        var strict = Encoding.GetEncoding(_encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        try
        {
            return strict.GetBytes(value);
        }
        catch (EncoderFallbackException ex)
        {
            throw new DicomDataException(tag, $"{DicomDataException.Quote(tag, value)} cannot be encoded in Specific Character Set '{string.Join('\\', Terms)}'.", ex);
        }
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes) => System.Text.Ascii.IsValid(bytes);

    /// <summary>The .NET encoding of a defined term (with or without code extensions), or null.</summary>
    internal static Encoding? EncodingForTerm(string term)
    {
        var codePage = term.Replace("ISO 2022 ", "ISO_", StringComparison.Ordinal) switch
        {
            "" or "ISO_IR 6" => 28591,
            "ISO_IR 100" => 28591,
            "ISO_IR 101" => 28592,
            "ISO_IR 109" => 28593,
            "ISO_IR 110" => 28594,
            "ISO_IR 144" => 28595,
            "ISO_IR 127" => 28596,
            "ISO_IR 126" => 28597,
            "ISO_IR 138" => 28598,
            "ISO_IR 148" => 28599,
            "ISO_IR 203" => 28605,
            "ISO_IR 166" => 874,
            "ISO_IR 13" => 932,
            "ISO_IR 87" => 51932,
            "ISO_IR 159" => 51932,
            "ISO_IR 149" => 51949,
            "ISO_IR 58" => 936,
            "ISO_IR 192" => 65001,
            "GB18030" => 54936,
            "GBK" => 936,
            _ => 0,
        };
        if (codePage == 0) return null;
        if (codePage == 65001) return new UTF8Encoding(false);
        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
