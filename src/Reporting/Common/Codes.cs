namespace VoxDose.Reporting.Common;

/// <summary>
/// Every code VoxDose writes, with its source: DICOM PS3.16 (DCM), SNOMED CT (SCT), UCUM, and VoxDose's private
/// scheme 99VOXDOSE (declared in the Coding Scheme Identification Sequence of each object that uses it).
/// </summary>
public static class Codes
{
    public const string PrivateScheme = "99VOXDOSE";

    // PS3.16 CID 7203 / PS3.16 DCM.
    public static readonly CodedConcept SourceImageForProcessing = new("121322", "DCM", "Source image for image processing operation");

    // TID 1500 and TID 1411 (PS3.16).
    public static readonly CodedConcept ImagingMeasurementReport = new("126000", "DCM", "Imaging Measurement Report");
    public static readonly CodedConcept ImagingMeasurements = new("126010", "DCM", "Imaging Measurements");
    public static readonly CodedConcept QualitativeEvaluations = new("C0034375", "UMLS", "Qualitative Evaluations");
    public static readonly CodedConcept MeasurementGroup = new("125007", "DCM", "Measurement Group");
    public static readonly CodedConcept LanguageOfContent = new("121049", "DCM", "Language of Content Item and Descendants");
    public static readonly CodedConcept EnglishUs = new("en-US", "RFC5646", "English (United States)");
    public static readonly CodedConcept ProcedureReported = new("121058", "DCM", "Procedure reported");
    public static readonly CodedConcept PetProcedure = new("82918005", "SCT", "PET Scan");
    public static readonly CodedConcept TrackingIdentifier = new("112039", "DCM", "Tracking Identifier");
    public static readonly CodedConcept TrackingUid = new("112040", "DCM", "Tracking Unique Identifier");
    public static readonly CodedConcept RegionInSpace = new("130488", "DCM", "Region In Space");
    public static readonly CodedConcept ReferencedRoiIdentifier = new("130489", "DCM", "Referenced Region of Interest Identifier");
    public static readonly CodedConcept SourceSeriesForSegmentation = new("121232", "DCM", "Source series for segmentation");
    public static readonly CodedConcept SourceOfMeasurement = new("121112", "DCM", "Source of Measurement");
    public static readonly CodedConcept MeasurementMethod = new("370129005", "SCT", "Measurement Method");
    public static readonly CodedConcept Finding = new("121071", "DCM", "Finding");

    // TID 1001 / 1004 observation context (device observer) and TID 4019 algorithm identification.
    public static readonly CodedConcept ObserverType = new("121005", "DCM", "Observer Type");
    public static readonly CodedConcept Device = new("121007", "DCM", "Device");
    public static readonly CodedConcept DeviceObserverUid = new("121012", "DCM", "Device Observer UID");
    public static readonly CodedConcept DeviceObserverName = new("121013", "DCM", "Device Observer Name");
    public static readonly CodedConcept DeviceObserverManufacturer = new("121014", "DCM", "Device Observer Manufacturer");
    public static readonly CodedConcept DeviceObserverModelName = new("121015", "DCM", "Device Observer Model Name");
    public static readonly CodedConcept AlgorithmName = new("111001", "DCM", "Algorithm Name");
    public static readonly CodedConcept AlgorithmParameters = new("111002", "DCM", "Algorithm Parameters");
    public static readonly CodedConcept AlgorithmVersion = new("111003", "DCM", "Algorithm Version");

    // Measurements: absorbed dose with its statistic as a derivation modifier (reference facts, PS3.16 CID 7464).
    public static readonly CodedConcept AbsorbedDose = new("128513", "DCM", "Absorbed Dose");
    public static readonly CodedConcept Derivation = new("121401", "DCM", "Derivation");
    public static readonly CodedConcept Mean = new("373098007", "SCT", "Mean");
    public static readonly CodedConcept StandardDeviation = new("386136009", "SCT", "Standard Deviation");
    public static readonly CodedConcept Maximum = new("56851009", "SCT", "Maximum");
    public static readonly CodedConcept Minimum = new("255605001", "SCT", "Minimum");
    public static readonly CodedConcept Median = new("373099004", "SCT", "Median");
    public static readonly CodedConcept Volume = new("118565006", "SCT", "Volume");

    // UCUM units.
    public static readonly CodedConcept Gy = new("Gy", "UCUM", "Gy");
    public static readonly CodedConcept Ml = new("ml", "UCUM", "ml");
    public static readonly CodedConcept Percent = new("%", "UCUM", "%");
    public static readonly CodedConcept Ratio = new("{ratio}", "UCUM", "ratio");
    public static readonly CodedConcept Mm = new("mm", "UCUM", "mm");

    // Private scheme 99VOXDOSE: quantities with no standard code.
    public static readonly CodedConcept CoefficientOfVariation = new("COV", PrivateScheme, "Coefficient of variation of absorbed dose");
    public static readonly CodedConcept Bed = new("BED", PrivateScheme, "Biologically effective dose");
    public static readonly CodedConcept Eud = new("EUD", PrivateScheme, "Equivalent uniform dose");
    public static readonly CodedConcept DosimetryFlag = new("FLAG", PrivateScheme, "Dosimetry flag");
    public static readonly CodedConcept QualityCheck = new("QA", PrivateScheme, "Quality assurance check");
    public static readonly CodedConcept VsvMethod = new("VSV", PrivateScheme, "Y-90 voxel S-value kernel convolution");
    public static readonly CodedConcept LdmMethod = new("LDM", PrivateScheme, "Local deposition method");
    public static readonly CodedConcept EquivalentDiameter = new("EQDIAM", PrivateScheme, "Equivalent sphere diameter");
    public static readonly CodedConcept ResolutionFwhm = new("FWHM", PrivateScheme, "Reconstruction resolution FWHM");
    public static readonly CodedConcept RecoveryCorrectedMean = new("PVCMEAN", PrivateScheme, "Partial-volume corrected mean absorbed dose estimate (not TDv)");
    public static readonly CodedConcept RecoveryCoefficient = new("RC", PrivateScheme, "Contrast recovery coefficient");
    public static readonly CodedConcept MeanDoseUncertainty = new("UMEAN", PrivateScheme, "Standard uncertainty (k=1) of mean absorbed dose");
    // Planned vs delivered (docs/planning.md): the MAA plan linked to a Y-90 study.
    public static readonly CodedConcept PlannedVersusDelivered = new("PVD", PrivateScheme, "Planned versus delivered lesion absorbed dose");
    public static readonly CodedConcept PlannedVersusDeliveredLesion = new("PVDLESION", PrivateScheme, "Lesion planned and delivered");
    public static readonly CodedConcept PlanLink = new("PLANLINK", PrivateScheme, "Linked pre-treatment plan");
    public static readonly CodedConcept StudyInstanceUid = new("110180", "DCM", "Study Instance UID");
    public static readonly CodedConcept PlannedMeanDose = new("TDP", PrivateScheme, "Planned mean absorbed dose (TDp, MAA partition model)");
    public static readonly CodedConcept DeliveredMeanDose = new("TDV", PrivateScheme, "Delivered mean absorbed dose (TDv, Y-90 PET)");
    public static readonly CodedConcept DeliveredMinusPlanned = new("TDVMINUSTDP", PrivateScheme, "Delivered minus planned mean absorbed dose");
    public static readonly CodedConcept DeliveredOverPlanned = new("TDVOVERTDP", PrivateScheme, "Ratio of delivered to planned mean absorbed dose");
    public static readonly CodedConcept UnmatchedLesion = new("UNMATCHED", PrivateScheme, "Lesion not matched by ROI name");
    public static readonly CodedConcept VoxelComparison = new("VOXELCMP", PrivateScheme, "Voxel-wise planned versus delivered comparison");
    public static readonly CodedConcept VoxelMeanDifference = new("VOXELMEANDIFF", PrivateScheme, "Mean voxel dose difference, delivered minus predicted");
    public static readonly CodedConcept VoxelSdDifference = new("VOXELSDDIFF", PrivateScheme, "SD of voxel dose difference, delivered minus predicted");
    public static readonly CodedConcept VoxelFractionWithin = new("VOXELWITHIN10GY", PrivateScheme, "Fraction of compared voxels within 10 Gy");

    /// <summary>One component of the mean dose's standard uncertainty: code "UMEAN-NOISE" etc. (SH: at most 16 characters; meaning LO: 64).</summary>
    public static CodedConcept MeanDoseUncertaintyComponent(string code, string name)
    {
        var suffix = code switch
        {
            "calibration" => "CAL",
            "timing" => "TIME",
            "halfLife" => "HALFLIFE",
            _ => code.ToUpperInvariant(),
        };
        var value = $"UMEAN-{suffix}";
        var meaning = $"Uncertainty (k=1) of mean dose: {name.ToLowerInvariant()}";
        return new(value.Length <= 16 ? value : value[..16], PrivateScheme, meaning.Length <= 64 ? meaning : meaning[..64]);
    }

    /// <summary>Dx: minimum dose to the hottest x % of the volume, code "D70" etc.</summary>
    public static CodedConcept Dx(int percent) =>
        new($"D{percent}", PrivateScheme, $"Minimum absorbed dose to the hottest {percent}% of the volume");

    /// <summary>Vy: percent of the volume receiving at least y Gy, code "V100GY" etc.</summary>
    public static CodedConcept Vx(int gy) =>
        new($"V{gy}GY", PrivateScheme, $"Volume percent receiving at least {gy} Gy");

    /// <summary>The item of the Coding Scheme Identification Sequence (0008,0110) declaring 99VOXDOSE.</summary>
    public static Dicom.DicomDataset PrivateSchemeDeclaration()
    {
        var item = new Dicom.DicomDataset();
        item.AddOrUpdate(Dicom.DicomTag.CodingSchemeDesignator, Dicom.DicomVR.SH, PrivateScheme);
        item.AddOrUpdate(Dicom.DicomTag.CodingSchemeName, Dicom.DicomVR.ST, "VoxDose dosimetry quantities");
        item.AddOrUpdate(Dicom.DicomTag.CodingSchemeVersion, Dicom.DicomVR.SH, "1");
        item.AddOrUpdate(Dicom.DicomTag.CodingSchemeResponsibleOrganization, Dicom.DicomVR.ST, "VoxDose contributors");
        return item;
    }
}
