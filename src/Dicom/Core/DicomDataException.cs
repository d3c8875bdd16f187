namespace VoxDose.Dicom;

/// <summary>A DICOM value is absent, malformed or of the wrong kind. The message names the tag when one is involved.</summary>
public class DicomDataException : Exception
{
    public DicomDataException() { }

    public DicomDataException(string message) : base(message) { }

    public DicomDataException(string message, Exception inner) : base(message, inner) { }

    public DicomDataException(DicomTag tag, string message, Exception? inner = null)
        : base($"{Describe(tag)}: {message}", inner) => Tag = tag;

    /// <summary>The tag concerned, when there is one.</summary>
    public DicomTag? Tag { get; }

    /// <summary>Keeps the tag of the wrapped exception (used when a file path is added to the message).</summary>
    public DicomDataException(string message, DicomDataException inner) : base(message, inner) => Tag = inner?.Tag;

    /// <summary>
    /// A value quoted for an error message, or a placeholder for patient data (group 0010 and person names), so that
    /// messages that reach logs above Debug carry no patient names, IDs or birth dates.
    /// </summary>
    public static string Quote(DicomTag tag, string value)
    {
        var vr = Dictionary.DicomDictionary.Lookup(tag)?.DefaultVR;
        return tag.Group == 0x0010 || vr == DicomVR.PN ? "(value withheld: patient data)" : $"'{value}'";
    }

    /// <summary>"(0010,0020) PatientID", or the bare tag when it is not in the dictionary.</summary>
    public static string Describe(DicomTag tag)
    {
        var entry = Dictionary.DicomDictionary.Lookup(tag);
        return entry is null ? tag.ToString() : $"{tag} {entry.Keyword}";
    }
}
