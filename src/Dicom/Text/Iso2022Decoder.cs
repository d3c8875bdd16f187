using System.Text;

namespace VoxDose.Dicom.Text;

/// <summary>
/// Decodes values that use ISO 2022 code extensions (PS3.5 6.1.2.5): escape sequences switch the G0 set (bytes
/// 0x21-0x7E) or the G1 set (bytes 0xA0-0xFF). Control characters and, in PN, the '^' and '=' delimiters reset G0
/// to the default. Two-byte Japanese sets are mapped to EUC-JP, Korean and Chinese G1 sets to EUC-KR and GB2312.
/// </summary>
internal static class Iso2022Decoder
{
    private enum Set { Ascii, JisX0208, JisX0212, Other }

    public static string Decode(ReadOnlySpan<byte> bytes, IReadOnlyList<string> terms, bool isPersonName)
    {
        var first = terms.Count > 0 ? terms[0].Trim() : "";
        var defaultG1 = first is "" ? null : DicomCharacterSet.EncodingForTerm(first);
        var eucJp = Encoding.GetEncoding(51932);
        var sb = new StringBuilder(bytes.Length);
        var g0 = Set.Ascii;
        var g1 = defaultG1;
        var run = new List<byte>();
        Encoding? runEncoding = null;

        void Flush()
        {
            if (run.Count > 0) sb.Append((runEncoding ?? Encoding.Latin1).GetString(run.ToArray()));
            run.Clear();
        }

        void Emit(Encoding enc, ReadOnlySpan<byte> b)
        {
            if (!ReferenceEquals(enc, runEncoding)) { Flush(); runEncoding = enc; }
            foreach (var x in b) run.Add(x);
        }

        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == 0x1B)
            {
                var consumed = Escape(bytes[i..], ref g0, ref g1);
                i += Math.Max(consumed, 1);
                continue;
            }
            if (b < 0x21 || (isPersonName && (b == (byte)'^' || b == (byte)'=')) || b == (byte)'\\')
            {
                if (b is 0x0A or 0x0C or 0x0D or (byte)'\\' || isPersonName) g0 = Set.Ascii;
                Emit(Encoding.Latin1, [b]);
                i++;
                continue;
            }
            if (b < 0x80)
            {
                if (g0 == Set.JisX0208 && i + 1 < bytes.Length)
                {
                    Emit(eucJp, [(byte)(b | 0x80), (byte)(bytes[i + 1] | 0x80)]);
                    i += 2;
                }
                else if (g0 == Set.JisX0212 && i + 1 < bytes.Length)
                {
                    Emit(eucJp, [0x8F, (byte)(b | 0x80), (byte)(bytes[i + 1] | 0x80)]);
                    i += 2;
                }
                else
                {
                    Emit(Encoding.Latin1, [b]);
                    i++;
                }
                continue;
            }
            // G1: multi-byte sets take two bytes at a time.
            var enc = g1 ?? Encoding.Latin1;
            if (enc.CodePage is 51949 or 936 or 51932 && i + 1 < bytes.Length && enc.CodePage != 932)
            {
                Emit(enc, [b, bytes[i + 1]]);
                i += 2;
            }
            else
            {
                Emit(enc, [b]);
                i++;
            }
        }
        Flush();
        return sb.ToString();
    }

    /// <summary>Applies an escape sequence; returns its length.</summary>
    private static int Escape(ReadOnlySpan<byte> s, ref Set g0, ref Encoding? g1)
    {
        static bool At(ReadOnlySpan<byte> s, string seq)
        {
            if (s.Length < seq.Length + 1) return false;
            for (var k = 0; k < seq.Length; k++)
                if (s[k + 1] != (byte)seq[k]) return false;
            return true;
        }

        if (At(s, "$(D")) { g0 = Set.JisX0212; return 4; }
        if (At(s, "$)C")) { g1 = Encoding.GetEncoding(51949); return 4; }
        if (At(s, "$)A")) { g1 = Encoding.GetEncoding(936); return 4; }
        if (At(s, "$B") || At(s, "$@")) { g0 = Set.JisX0208; return 3; }
        if (At(s, "(B") || At(s, "(J")) { g0 = Set.Ascii; return 3; }
        if (At(s, ")I")) { g1 = Encoding.GetEncoding(932); return 3; }
        if (s.Length >= 3 && s[1] == (byte)'-')
        {
            var page = s[2] switch
            {
                (byte)'A' => 28591, (byte)'B' => 28592, (byte)'C' => 28593, (byte)'D' => 28594, (byte)'L' => 28595,
                (byte)'G' => 28596, (byte)'F' => 28597, (byte)'H' => 28598, (byte)'M' => 28599, (byte)'T' => 874,
                (byte)'b' => 28605, _ => 0,
            };
            if (page != 0) g1 = Encoding.GetEncoding(page);
            return 3;
        }
        return 1;
    }
}
