namespace VoxDose.Dicom.Dictionary;

/// <summary>Which numbers of a range are members: every one, even ones or odd ones.</summary>
public enum DicomRangeStep
{
    All,
    Even,
    Odd,
}

/// <summary>A repeating-group attribute such as (60xx,3000): <see cref="Entry"/> carries the lowest tag of the range.</summary>
public sealed record DicomDictionaryRange(DicomDictionaryEntry Entry, ushort GroupHigh, DicomRangeStep GroupStep, ushort ElementHigh, DicomRangeStep ElementStep)
{
    public bool Matches(DicomTag tag) =>
        In(tag.Group, Entry.Tag.Group, GroupHigh, GroupStep) && In(tag.Element, Entry.Tag.Element, ElementHigh, ElementStep);

    private static bool In(ushort value, ushort low, ushort high, DicomRangeStep step) =>
        value >= low && value <= high && step switch
        {
            DicomRangeStep.Even => (value & 1) == 0,
            DicomRangeStep.Odd => (value & 1) == 1,
            _ => true,
        };
}
