namespace VoxDose.Reporting.Model;

/// <summary>
/// Patient and study attributes of the source PET, copied verbatim into every object VoxDose creates
/// (Patient and General Study modules) and printed in the PDF header. Values are DICOM strings as received
/// (Patient Name in PN form "Family^Given", dates YYYYMMDD, times HHMMSS.FFFFFF); empty means absent.
/// </summary>
public sealed record PatientStudyHeader
{
    public string PatientName { get; init; } = "";
    public string PatientId { get; init; } = "";
    public string PatientBirthDate { get; init; } = "";
    public string PatientSex { get; init; } = "";
    public required string StudyInstanceUid { get; init; }
    public string StudyDate { get; init; } = "";
    public string StudyTime { get; init; } = "";
    public string StudyId { get; init; } = "";
    public string AccessionNumber { get; init; } = "";
    public string ReferringPhysicianName { get; init; } = "";
    public string StudyDescription { get; init; } = "";
    public string InstitutionName { get; init; } = "";

    /// <summary>Patient Name for display: "Family^Given^Middle" becomes "Family, Given Middle".</summary>
    public string PatientNameForDisplay
    {
        get
        {
            var parts = PatientName.Split('=')[0].Split('^');
            if (parts.Length == 1) return parts[0];
            var given = string.Join(' ', parts.Skip(1).Take(2).Where(p => p.Length > 0));
            return given.Length == 0 ? parts[0] : $"{parts[0]}, {given}";
        }
    }

    /// <summary>A DICOM date YYYYMMDD as YYYY-MM-DD for display; other input is returned unchanged.</summary>
    public static string FormatDate(string dicomDate) =>
        dicomDate.Length == 8 && dicomDate.All(char.IsAsciiDigit) ? $"{dicomDate[..4]}-{dicomDate[4..6]}-{dicomDate[6..]}" : dicomDate;
}
