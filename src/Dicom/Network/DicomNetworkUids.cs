namespace VoxDose.Dicom.Network;

/// <summary>UIDs the network layer needs on its own (PS3.6 annex A, PS3.7 annex A).</summary>
public static class DicomNetworkUids
{
    /// <summary>DICOM Application Context Name (PS3.7 annex A.2.1).</summary>
    public const string ApplicationContext = "1.2.840.10008.3.1.1.1";

    /// <summary>Verification SOP Class (PS3.4 annex A).</summary>
    public const string Verification = "1.2.840.10008.1.1";

    public const string ImplicitVRLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
    public const string DeflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99";
    public const string ExplicitVRBigEndian = "1.2.840.10008.1.2.2";

    /// <summary>VoxDose's implementation class UID (a UUID-derived UID, PS3.5 B.2; sent in A-ASSOCIATE user information, PS3.7 D.3.3.2).</summary>
    public const string ImplementationClassUid = "2.25.90766793452700894359325855076861595393";

    /// <summary>Implementation version name (at most 16 characters).</summary>
    public const string ImplementationVersionName = "VOXDOSE_010";
}
