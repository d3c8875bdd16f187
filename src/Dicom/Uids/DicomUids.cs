namespace VoxDose.Dicom;

/// <summary>Well-known UIDs from PS3.6 Annex A (SOP classes VoxDose handles, transfer syntaxes).</summary>
public static class DicomUids
{
    public const string Verification = "1.2.840.10008.1.1";
    public const string CTImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const string EnhancedCTImageStorage = "1.2.840.10008.5.1.4.1.1.2.1";
    public const string MRImageStorage = "1.2.840.10008.5.1.4.1.1.4";
    public const string SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";
    public const string MultiFrameTrueColorSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.4";
    public const string PETImageStorage = "1.2.840.10008.5.1.4.1.1.128";
    public const string EnhancedPETImageStorage = "1.2.840.10008.5.1.4.1.1.130";
    public const string NMImageStorage = "1.2.840.10008.5.1.4.1.1.20";
    public const string RTStructureSetStorage = "1.2.840.10008.5.1.4.1.1.481.3";
    public const string RTDoseStorage = "1.2.840.10008.5.1.4.1.1.481.2";
    public const string EnhancedSRStorage = "1.2.840.10008.5.1.4.1.1.88.22";
    public const string ComprehensiveSRStorage = "1.2.840.10008.5.1.4.1.1.88.33";
    public const string EncapsulatedPDFStorage = "1.2.840.10008.5.1.4.1.1.104.1";
    public const string StudyRootQueryRetrieveFind = "1.2.840.10008.5.1.4.1.2.2.1";
    public const string StudyRootQueryRetrieveMove = "1.2.840.10008.5.1.4.1.2.2.2";
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";

    public const string ImplicitVRLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
    public const string DeflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99";
    public const string ExplicitVRBigEndian = "1.2.840.10008.1.2.2";
    public const string JPEGBaseline8Bit = "1.2.840.10008.1.2.4.50";
    public const string JPEGLossless = "1.2.840.10008.1.2.4.70";
    public const string JPEGLSLossless = "1.2.840.10008.1.2.4.80";
    public const string JPEG2000Lossless = "1.2.840.10008.1.2.4.90";
    public const string JPEG2000 = "1.2.840.10008.1.2.4.91";
    public const string RLELossless = "1.2.840.10008.1.2.5";

    /// <summary>VoxDose's Implementation Class UID: 2.25 followed by the decimal value of the fixed UUID 6d1f0c5e-7a2b-4c3d-9e8f-0a1b2c3d4e5f.</summary>
    public const string ImplementationClassUid = "2.25.145047063617342445008869212036649537119";

    /// <summary>Implementation Version Name (0002,0013), at most 16 characters.</summary>
    public const string ImplementationVersionName = "VOXDOSE_010";
}
