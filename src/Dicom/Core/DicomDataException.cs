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

    /// <summary>"(0010,0020) PatientID", or the bare tag when it is not in the dictionary.</summary>
    public static string Describe(DicomTag tag)
    {
        var entry = Dictionary.DicomDictionary.Lookup(tag);
        return entry is null ? tag.ToString() : $"{tag} {entry.Keyword}";
    }
}
