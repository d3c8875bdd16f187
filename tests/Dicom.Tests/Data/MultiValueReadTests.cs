using System.Globalization;
using System.Text;

namespace VoxDose.Dicom.Tests.Data;

/// <summary>
/// Reading a multi-valued element is linear in its length. The old GetDoubles decoded and split the whole element once
/// per value (ReadNumber per index): quadratic, 10^6 decodes of an 8 MB text for a 10^6-value Contour Data.
/// </summary>
public class MultiValueReadTests
{
    private const int ValueCount = 1_000_000;

    private static byte[] DsText(int count, Func<int, string> value)
    {
        var sb = new StringBuilder(count * 9);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) sb.Append('\\');
            sb.Append(value(i));
        }
        if (sb.Length % 2 == 1) sb.Append(' ');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    [Fact]
    public void GetDoubles_on_a_million_value_DS_decodes_the_element_once()
    {
        static string Value(int i) => (i * 0.25 - 1000).ToString("0.##", CultureInfo.InvariantCulture);
        var ds = new DicomDataset().AddOrUpdate(DicomTag.ContourData, DicomVR.DS, DsText(ValueCount, Value));

        var before = DicomDataset.TextDecodes;
        var values = ds.GetDoubles(DicomTag.ContourData);
        var decodes = DicomDataset.TextDecodes - before;

        Assert.Equal(1, decodes); // the quadratic reader decoded it 1 000 000 times
        Assert.Equal(ValueCount, values.Length);
        Assert.Equal(-1000, values[0]);
        Assert.Equal(ValueCount / 2 * 0.25 - 1000, values[ValueCount / 2]);
        Assert.Equal((ValueCount - 1) * 0.25 - 1000, values[^1]);
    }

    [Fact]
    public void GetInts_on_a_million_value_IS_decodes_the_element_once()
    {
        var ds = new DicomDataset().AddOrUpdate(new DicomTag(0x0009, 0x1010), DicomVR.IS, DsText(ValueCount, i => (i - 500).ToString(CultureInfo.InvariantCulture)));

        var before = DicomDataset.TextDecodes;
        var values = ds.GetInts(new DicomTag(0x0009, 0x1010));

        Assert.Equal(1, DicomDataset.TextDecodes - before);
        Assert.Equal(ValueCount, values.Length);
        Assert.Equal(-500, values[0]);
        Assert.Equal(ValueCount - 501, values[^1]);
    }

    [Fact]
    public void GetDoubles_still_names_the_bad_value()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.ContourData, DicomVR.DS, "1.5", "abc", "2");
        var e = Assert.Throws<DicomDataException>(() => ds.GetDoubles(DicomTag.ContourData));
        Assert.Contains("not a valid DS number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDoubles_parses_values_in_place_with_padding_signs_and_exponents_and_refuses_an_empty_value()
    {
        static DicomDataset Ds(string text) => new DicomDataset().AddOrUpdate(DicomTag.ContourData, DicomVR.DS, Encoding.ASCII.GetBytes(text));

        Assert.Equal([1.5, 2, -300, 0.5, 7], Ds(" 1.5\\2 \\-3e2\\+.5\\7.\0").GetDoubles(DicomTag.ContourData));
        Assert.Empty(Ds("  ").GetDoubles(DicomTag.ContourData));
        var empty = Assert.Throws<DicomDataException>(() => Ds("1\\\\2 ").GetDoubles(DicomTag.ContourData));
        Assert.Contains("is not a valid DS number", empty.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<DicomDataException>(() => Ds("1\\ 4x ").GetDoubles(DicomTag.ContourData));
        Assert.Contains("4x", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" 4x ", bad.Message, StringComparison.Ordinal); // quoted trimmed, as before
        var notInteger = new DicomDataset().AddOrUpdate(new DicomTag(0x0009, 0x1010), DicomVR.IS, Encoding.ASCII.GetBytes("1\\2.5 "));
        Assert.Contains("is not an integer (IS)", Assert.Throws<DicomDataException>(() => notInteger.GetDoubles(new DicomTag(0x0009, 0x1010))).Message, StringComparison.Ordinal);
    }
}
