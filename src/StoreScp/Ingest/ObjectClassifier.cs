using VoxDose.Dosimetry.Decay;
using VoxDose.Dosimetry.Nm;
using VoxDose.StoreScp.Audit;
using VoxDose.Dicom;

namespace VoxDose.StoreScp.Ingest;

/// <summary>
/// Decides what a received object is for. Whether a PET is Y-90 is <see cref="Y90Recognizer"/>'s decision, the same
/// rule the dose engine applies (radionuclide code, half-life within 0.5 % of Y-90's, code meaning, radiopharmaceutical
/// or series description text): a PET the engine would accept is never ignored at ingest, and the reason says why.
/// </summary>
public static class ObjectClassifier
{
    public static (SeriesRole Role, string Reason) Classify(InstanceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        switch (header.SopClassUid)
        {
            case DicomUids.PETImageStorage:
            case DicomUids.EnhancedPETImageStorage:
                var recognition = Y90Recognizer.Recognize(new PetAcquisitionHeader
                {
                    RadionuclideCodeValue = header.RadionuclideCode,
                    RadionuclideCodingScheme = header.RadionuclideCodingScheme,
                    RadionuclideCodeMeaning = header.RadionuclideCodeMeaning,
                    RadionuclideHalfLifeS = header.RadionuclideHalfLifeS,
                    Radiopharmaceutical = header.RadiopharmaceuticalDescription,
                    SeriesDescription = header.SeriesDescription,
                });
                return recognition.IsY90
                    ? (SeriesRole.Y90Pet, recognition.Summary)
                    : (SeriesRole.Ignored, "PET whose radionuclide is not Y-90: " + recognition.Summary);
            case DicomUids.CTImageStorage:
            case DicomUids.EnhancedCTImageStorage:
                return (SeriesRole.Ct, "CT kept for the study");
            case DicomUids.NMImageStorage:
                // Tc99mRecognizer's rule, the same the planner applies (radionuclide code, energy window, radiopharmaceutical text).
                var nm = Tc99mRecognizer.Recognize(header.Nm ?? new NmRadiopharmaceutical());
                if (!nm.IsTc99m) return (SeriesRole.Ignored, "NM image whose radionuclide is not Tc-99m: " + nm.Summary);
                return header.NmTomographic
                    ? (SeriesRole.MaaSpect, "Tc-99m SPECT for the plan: " + nm.Summary)
                    : (SeriesRole.Ignored, "planar Tc-99m NM view: the node's plan uses the SPECT (no planar ROIs; a planar lung shunt is given by VoxDose:Planning:LungShuntFraction)");
            case Dosimetry.Planning.SpatialRegistration.SopClassUid:
                return (SeriesRole.Registration, "Spatial Registration kept for the voxel-wise planned-vs-delivered comparison");
            case DicomUids.RTStructureSetStorage:
                return (SeriesRole.RtStruct, "RT Structure Set kept for contours");
            default:
                return (SeriesRole.Ignored, $"SOP class {header.SopClassUid} ({header.Modality}) is not used by the dose pipeline");
        }
    }
}
