namespace VoxDose.Dicom.Tests.Values;

public class DateTimeTests
{
    [Theory]
    [InlineData("20240229", 2024, 2, 29, DicomDateTimePrecision.Day)]
    [InlineData("202402", 2024, 2, 1, DicomDateTimePrecision.Month)]
    [InlineData("2024", 2024, 1, 1, DicomDateTimePrecision.Year)]
    [InlineData("2024.02.29", 2024, 2, 29, DicomDateTimePrecision.Day)]
    public void DA_full_partial_and_ACR_NEMA_forms(string text, int y, int m, int d, DicomDateTimePrecision precision)
    {
        Assert.True(DicomDateTimeText.TryParseDate(text, out var date, out var p));
        Assert.Equal(new DateOnly(y, m, d), date);
        Assert.Equal(precision, p);
    }

    [Theory]
    [InlineData("20230229")]
    [InlineData("20241301")]
    [InlineData("2024011")]
    [InlineData("2024-01-01")]
    public void DA_invalid(string text) => Assert.False(DicomDateTimeText.TryParseDate(text, out _, out _));

    [Theory]
    [InlineData("10", 10, 0, 0, 0, DicomDateTimePrecision.Hour)]
    [InlineData("1015", 10, 15, 0, 0, DicomDateTimePrecision.Minute)]
    [InlineData("101530", 10, 15, 30, 0, DicomDateTimePrecision.Second)]
    [InlineData("101530.123456", 10, 15, 30, 1234560, DicomDateTimePrecision.Fraction)]
    [InlineData("101530.5", 10, 15, 30, 5000000, DicomDateTimePrecision.Fraction)]
    [InlineData("10:15:30", 10, 15, 30, 0, DicomDateTimePrecision.Second)]
    [InlineData("235960", 23, 59, 59, 0, DicomDateTimePrecision.Second)]
    public void TM_partial_forms(string text, int h, int mi, int s, long fractionTicks, DicomDateTimePrecision precision)
    {
        Assert.True(DicomDateTimeText.TryParseTime(text, out var t, out var p), text);
        Assert.Equal(new TimeOnly(h, mi, s).Add(TimeSpan.FromTicks(fractionTicks)), t);
        Assert.Equal(precision, p);
    }

    [Theory]
    [InlineData("2460")]
    [InlineData("1")]
    [InlineData("101530.1234567")]
    [InlineData("1015.5")]
    public void TM_invalid(string text) => Assert.False(DicomDateTimeText.TryParseTime(text, out _, out _));

    [Fact]
    public void DT_with_offset_and_partial_forms()
    {
        Assert.True(DicomDateTimeText.TryParseDateTime("20240131101530.5-0500", out var v));
        Assert.Equal(new DateTime(2024, 1, 31, 10, 15, 30, 500), v.Value);
        Assert.Equal(TimeSpan.FromHours(-5), v.UtcOffset);
        Assert.Equal(DicomDateTimePrecision.Fraction, v.Precision);
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 15, 15, 30, 500, TimeSpan.Zero), v.ToDateTimeOffset(TimeSpan.Zero).ToUniversalTime());

        Assert.True(DicomDateTimeText.TryParseDateTime("2024", out var year));
        Assert.Equal(new DateTime(2024, 1, 1), year.Value);
        Assert.Equal(DicomDateTimePrecision.Year, year.Precision);
        Assert.Null(year.UtcOffset);

        Assert.True(DicomDateTimeText.TryParseDateTime("2024013110", out var hour));
        Assert.Equal(new DateTime(2024, 1, 31, 10, 0, 0), hour.Value);
        Assert.Equal(DicomDateTimePrecision.Hour, hour.Precision);

        Assert.False(DicomDateTimeText.TryParseDateTime("202401311", out _));
        Assert.False(DicomDateTimeText.TryParseDateTime("20240131+05", out _));
    }

    [Fact]
    public void Dataset_combines_date_and_time_and_names_the_tag_of_a_bad_value()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SeriesDate, DicomVR.DA, "20240131");
        ds.AddOrUpdate(DicomTag.SeriesTime, DicomVR.TM, "0930");
        Assert.Equal(new DateTime(2024, 1, 31, 9, 30, 0), ds.GetDateTime(DicomTag.SeriesDate, DicomTag.SeriesTime));
        Assert.Equal(new DateTime(2024, 1, 31), ds.GetDateTime(DicomTag.SeriesDate, DicomTag.AcquisitionTime));
        Assert.Null(ds.GetDateTime(DicomTag.StudyDate, DicomTag.StudyTime));
        ds.AddOrUpdate(DicomTag.AcquisitionTime, DicomVR.TM, "25");
        var ex = Assert.Throws<DicomDataException>(() => ds.GetDateTime(DicomTag.SeriesDate, DicomTag.AcquisitionTime));
        Assert.Contains("(0008,0032)", ex.Message);
        ds.AddOrUpdate(DicomTag.AcquisitionDateTime, new DateTime(2024, 2, 1, 8, 0, 0), TimeSpan.FromHours(1));
        Assert.Equal("20240201080000+0100", ds.GetString(DicomTag.AcquisitionDateTime));
        Assert.Equal(TimeSpan.FromHours(1), ds.GetDicomDateTime(DicomTag.AcquisitionDateTime)!.Value.UtcOffset);
        ds.AddOrUpdate(DicomTag.StudyDate, new DateOnly(2024, 3, 4));
        ds.AddOrUpdate(DicomTag.StudyTime, new TimeOnly(1, 2, 3, 450));
        Assert.Equal("20240304", ds.GetString(DicomTag.StudyDate));
        Assert.Equal("010203.45", ds.GetString(DicomTag.StudyTime));
    }
}
