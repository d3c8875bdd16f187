using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.StructuredReport;

/// <summary>Builders for SR content items (PS3.3 C.17.3, Document Content Module): one method per value type.</summary>
internal static class SrContent
{
    public const string Contains = "CONTAINS";
    public const string HasObsContext = "HAS OBS CONTEXT";
    public const string HasConceptMod = "HAS CONCEPT MOD";

    public static DicomDataset Container(string? relationship, CodedConcept concept, IEnumerable<DicomDataset> children)
    {
        var item = Item(relationship, "CONTAINER", concept);
        item.AddOrUpdate(DicomTag.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        return WithChildren(item, children);
    }

    public static DicomDataset Text(string relationship, CodedConcept concept, string text)
    {
        var item = Item(relationship, "TEXT", concept);
        item.AddOrUpdate(DicomTag.TextValue, DicomVR.UT, text);
        return item;
    }

    public static DicomDataset Code(string relationship, CodedConcept concept, CodedConcept value)
    {
        var item = Item(relationship, "CODE", concept);
        item.AddOrUpdateSequence(DicomTag.ConceptCodeSequence, value.ToItem());
        return item;
    }

    public static DicomDataset UidRef(string relationship, CodedConcept concept, string uid)
    {
        var item = Item(relationship, "UIDREF", concept);
        item.AddOrUpdate(DicomTag.UID, DicomVR.UI, uid);
        return item;
    }

    public static DicomDataset Num(string relationship, CodedConcept concept, double value, CodedConcept unit, params DicomDataset[] children) =>
        Num(relationship, concept, value, ReportFormat.Round(value, unit.Value), unit, children);

    /// <summary>A standard uncertainty: 2 significant figures (GUM), so that a small component does not read 0.</summary>
    public static DicomDataset UncertaintyNum(string relationship, CodedConcept concept, double value, CodedConcept unit) =>
        Num(relationship, concept, value, ReportFormat.Significant(value, ReportFormat.UncertaintySignificantFigures), unit, []);

    private static DicomDataset Num(string relationship, CodedConcept concept, double value, double rounded, CodedConcept unit, DicomDataset[] children)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"SR numeric value of {concept.Meaning} is not finite ({value}).", nameof(value));
        var item = Item(relationship, "NUM", concept);
        var measured = new DicomDataset();
        // Rounded to what the measurement supports (ReportFormat; docs/reporting.md); results.json keeps full precision.
        measured.AddOrUpdate(DicomTag.NumericValue, DicomVR.DS, rounded);
        measured.AddOrUpdateSequence(DicomTag.MeasurementUnitsCodeSequence, unit.ToItem());
        item.AddOrUpdateSequence(DicomTag.MeasuredValueSequence, measured);
        return WithChildren(item, children);
    }

    public static DicomDataset Composite(string relationship, CodedConcept concept, string sopClassUid, string sopInstanceUid, params DicomDataset[] children)
    {
        var item = Item(relationship, "COMPOSITE", concept);
        item.AddOrUpdateSequence(DicomTag.ReferencedSOPSequence, CommonModules.SopReference(sopClassUid, sopInstanceUid));
        return WithChildren(item, children);
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static DicomDataset Item(string? relationship, string valueType, CodedConcept concept)
    {
        var item = new DicomDataset();
        if (relationship is not null) item.AddOrUpdate(DicomTag.RelationshipType, DicomVR.CS, relationship);
        item.AddOrUpdate(DicomTag.ValueType, DicomVR.CS, valueType);
        item.AddOrUpdateSequence(DicomTag.ConceptNameCodeSequence, concept.ToItem());
        return item;
    }

    private static DicomDataset WithChildren(DicomDataset item, IEnumerable<DicomDataset> children)
    {
        var list = children.ToList();
        if (list.Count > 0) item.AddOrUpdateSequence(DicomTag.ContentSequence, list);
        return item;
    }
}
