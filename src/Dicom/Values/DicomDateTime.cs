namespace VoxDose.Dicom;

/// <summary>
/// A DT value (or DA/TM combined): the instant with missing parts filled with their lowest value, the UTC offset when
/// the value carried one (&amp;ZZXX), and the precision actually present.
/// </summary>
public readonly record struct DicomDateTime(DateTime Value, TimeSpan? UtcOffset, DicomDateTimePrecision Precision)
{
    /// <summary>The instant as a DateTimeOffset; without an offset in the value, <paramref name="assumedOffset"/> is used.</summary>
    public DateTimeOffset ToDateTimeOffset(TimeSpan assumedOffset) => new(DateTime.SpecifyKind(Value, DateTimeKind.Unspecified), UtcOffset ?? assumedOffset);
}
