namespace VoxDose.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>A DA value (partial forms fill month/day with 1); null when absent or empty; throws naming the tag when malformed.</summary>
    public DateOnly? GetDate(DicomTag tag)
    {
        var s = GetString(tag);
        if (string.IsNullOrEmpty(s)) return null;
        return DicomDateTimeText.TryParseDate(s, out var d, out _) ? d
            : throw new DicomDataException(tag, $"value {DicomDataException.Quote(tag, s)} is not a valid DA (YYYYMMDD).");
    }

    /// <summary>A TM value (partial forms fill the missing parts with 0); null when absent or empty.</summary>
    public TimeOnly? GetTime(DicomTag tag)
    {
        var s = GetString(tag);
        if (string.IsNullOrEmpty(s)) return null;
        return DicomDateTimeText.TryParseTime(s, out var t, out _) ? t
            : throw new DicomDataException(tag, $"value {DicomDataException.Quote(tag, s)} is not a valid TM (HHMMSS.FFFFFF).");
    }

    /// <summary>
    /// A DA and a TM combined (e.g. SeriesDate + SeriesTime), with unspecified kind; null when the date is absent
    /// or empty; midnight when the time is absent. Throws naming the tag when either value is malformed.
    /// </summary>
    public DateTime? GetDateTime(DicomTag dateTag, DicomTag timeTag)
    {
        var date = GetDate(dateTag);
        if (date is null) return null;
        var time = GetTime(timeTag) ?? TimeOnly.MinValue;
        return date.Value.ToDateTime(time);
    }

    /// <summary>A DT value with its UTC offset and precision; null when absent or empty.</summary>
    public DicomDateTime? GetDicomDateTime(DicomTag tag)
    {
        var s = GetString(tag);
        if (string.IsNullOrEmpty(s)) return null;
        return DicomDateTimeText.TryParseDateTime(s, out var v) ? v
            : throw new DicomDataException(tag, $"value {DicomDataException.Quote(tag, s)} is not a valid DT (YYYYMMDDHHMMSS.FFFFFF&ZZXX).");
    }

    public DicomDataset AddOrUpdate(DicomTag tag, DateOnly date) => AddOrUpdate(tag, DicomVR.DA, DicomDateTimeText.FormatDate(date));

    public DicomDataset AddOrUpdate(DicomTag tag, TimeOnly time) => AddOrUpdate(tag, DicomVR.TM, DicomDateTimeText.FormatTime(time));

    /// <summary>Sets a DT value (with the UTC offset suffix when given).</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, DateTime value, TimeSpan? utcOffset = null) =>
        AddOrUpdate(tag, DicomVR.DT, DicomDateTimeText.FormatDateTime(value, utcOffset));
}
