using System.Globalization;
using VoxDose.Dicom;

namespace VoxDose.Interop.Tests.Node;

/// <summary>
/// Reads the mean absorbed dose of every TID 1411 measurement group of a TID 1500 SR: the group's Tracking Identifier
/// (112039, DCM) text and the NUM Absorbed dose (128513, DCM) whose Derivation (121401, DCM) is Mean (373098007, SCT).
/// Written here from the standard's templates, independently of the SR writer.
/// </summary>
internal static class SrMeanDoses
{
    public static Dictionary<string, double> Read(DicomDataset sr)
    {
        var doses = new Dictionary<string, double>(StringComparer.Ordinal);
        Walk(sr, doses);
        return doses;
    }

    private static void Walk(DicomDataset item, Dictionary<string, double> doses)
    {
        var children = item.GetSequence(DicomTag.ContentSequence);
        string? name = null;
        double? mean = null;
        foreach (var child in children)
        {
            var concept = Code(child, DicomTag.ConceptNameCodeSequence);
            if (concept == "112039" && child.GetString(DicomTag.ValueType) == "TEXT")
                name = child.GetString(DicomTag.TextValue);
            if (concept == "128513" && child.GetString(DicomTag.ValueType) == "NUM"
                && child.GetSequence(DicomTag.ContentSequence).Any(m => Code(m, DicomTag.ConceptNameCodeSequence) == "121401"
                                                                        && Code(m, DicomTag.ConceptCodeSequence) == "373098007"))
            {
                var measured = child.GetSequence(DicomTag.MeasuredValueSequence);
                if (measured.Count > 0)
                    mean = double.Parse(measured[0].GetString(DicomTag.NumericValue)!, CultureInfo.InvariantCulture);
            }
            if (child.GetString(DicomTag.ValueType) == "CONTAINER") Walk(child, doses);
        }
        if (name is not null && mean is not null) doses[name] = mean.Value;
    }

    private static string? Code(DicomDataset item, DicomTag sequence)
    {
        var codes = item.GetSequence(sequence);
        return codes.Count > 0 ? codes[0].GetString(DicomTag.CodeValue) : null;
    }
}
