using System.Globalization;

namespace VoxDose.Reporting.Model;

/// <summary>
/// Which revision of a study's reports this is (a study is computed again when new input arrives, e.g. an RTSTRUCT
/// after the PET, or on request), and the SR it supersedes. Revision 1 is the first report; later revisions carry
/// " rev N" in every series description, reference the SR they supersede in the Predecessor Documents Sequence
/// (0040,A360) (PS3.3 C.17.2, SR Document General module), and say so in the PDF.
/// </summary>
public sealed record ReportRevision(int Number, SopInstanceReference? PredecessorSr = null, int? SupersedesRevision = null)
{
    public static ReportRevision First { get; } = new(1);

    /// <summary>Appended to the series descriptions: empty for the first revision, " rev N" after.</summary>
    public string SeriesSuffix => Number > 1 ? string.Create(CultureInfo.InvariantCulture, $" rev {Number}") : "";

    /// <summary>The PDF's revision line, or null for a first report.</summary>
    public string? Description => Number <= 1 ? null : SupersedesRevision is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Number}")
        : string.Create(CultureInfo.InvariantCulture, $"{Number}, supersedes revision {SupersedesRevision}")
            + (PredecessorSr is null ? "" : $" (SR {PredecessorSr.SopInstanceUid})");
}

/// <summary>A stored DICOM object, as the Hierarchical SOP Instance Reference macro (PS3.3 C.17.2.1) names it.</summary>
public sealed record SopInstanceReference(string StudyInstanceUid, string SeriesInstanceUid, string SopClassUid, string SopInstanceUid);
