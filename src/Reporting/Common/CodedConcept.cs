using VoxDose.Dicom;

namespace VoxDose.Reporting.Common;

/// <summary>A coded concept (Code Value, Coding Scheme Designator, Code Meaning) as used in code sequences.</summary>
public sealed record CodedConcept(string Value, string Scheme, string Meaning)
{
    /// <summary>The code as one item of a code sequence (Code Sequence Macro, PS3.3 Table 8.8-1).</summary>
    public DicomDataset ToItem()
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTag.CodeValue, DicomVR.SH, Value);
        item.AddOrUpdate(DicomTag.CodingSchemeDesignator, DicomVR.SH, Scheme);
        item.AddOrUpdate(DicomTag.CodeMeaning, DicomVR.LO, Meaning);
        return item;
    }

    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";
}
