using VoxDose.Dicom;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Common;

/// <summary>Fills the report's header and references from the PET (and RTSTRUCT) data sets as received.</summary>
public static class PetSource
{
    /// <summary>Patient and study attributes of a PET instance, verbatim (absent attributes become empty).</summary>
    public static PatientStudyHeader HeaderFrom(DicomDataset pet)
    {
        ArgumentNullException.ThrowIfNull(pet);
        string Get(DicomTag tag) => pet.GetString(tag) ?? "";
        var studyUid = Get(DicomTag.StudyInstanceUID);
        if (studyUid.Length == 0) throw new DicomDataException(DicomTag.StudyInstanceUID, "is absent or empty in the PET; the outputs cannot join its study.");
        return new PatientStudyHeader
        {
            PatientName = Get(DicomTag.PatientName),
            PatientId = Get(DicomTag.PatientID),
            PatientBirthDate = Get(DicomTag.PatientBirthDate),
            PatientSex = Get(DicomTag.PatientSex),
            StudyInstanceUid = studyUid,
            StudyDate = Get(DicomTag.StudyDate),
            StudyTime = Get(DicomTag.StudyTime),
            StudyId = Get(DicomTag.StudyID),
            AccessionNumber = Get(DicomTag.AccessionNumber),
            ReferringPhysicianName = Get(DicomTag.ReferringPhysicianName),
            StudyDescription = Get(DicomTag.StudyDescription),
            InstitutionName = Get(DicomTag.InstitutionName),
        };
    }

    /// <summary>
    /// References to the PET instances in the order of the dose grid's slices (one item for an Enhanced PET) and to
    /// the RTSTRUCT whose ROIs were applied (null when none).
    /// </summary>
    public static SourceReferences ReferencesFrom(IReadOnlyList<DicomDataset> petInSliceOrder, DicomDataset? rtStruct = null)
    {
        ArgumentNullException.ThrowIfNull(petInSliceOrder);
        if (petInSliceOrder.Count == 0) throw new ArgumentException("No PET instance given.", nameof(petInSliceOrder));
        var first = petInSliceOrder[0];
        string Required(DicomDataset ds, DicomTag tag, string what) =>
            ds.GetString(tag) is { Length: > 0 } v ? v : throw new DicomDataException(tag, $"is absent or empty in the {what}.");
        return new SourceReferences
        {
            PetSeriesInstanceUid = Required(first, DicomTag.SeriesInstanceUID, "PET"),
            FrameOfReferenceUid = Required(first, DicomTag.FrameOfReferenceUID, "PET"),
            PetSeriesDescription = first.GetString(DicomTag.SeriesDescription) ?? "",
            PetInstances = petInSliceOrder.Select(p => new SopReference(Required(p, DicomTag.SOPClassUID, "PET"), Required(p, DicomTag.SOPInstanceUID, "PET"))).ToList(),
            RtStruct = rtStruct is null ? null
                : new SopReference(Required(rtStruct, DicomTag.SOPClassUID, "RTSTRUCT"), Required(rtStruct, DicomTag.SOPInstanceUID, "RTSTRUCT")),
            RtStructSeriesInstanceUid = rtStruct is null ? null : Required(rtStruct, DicomTag.SeriesInstanceUID, "RTSTRUCT"),
        };
    }
}
