namespace VoxDose.Dicom;

/// <summary>How much of a DA, TM or DT value was present (partial forms of PS3.5 6.2).</summary>
public enum DicomDateTimePrecision
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Fraction,
}
