namespace VoxDose.StoreScp.Ingest;

/// <summary>Storage SOP Class UIDs the node routes on (PS3.4 Annex B.5, PS3.6 Annex A).</summary>
public static class SopClasses
{
    public const string CtImage = "1.2.840.10008.5.1.4.1.1.2";
    public const string EnhancedCtImage = "1.2.840.10008.5.1.4.1.1.2.1";
    public const string PetImage = "1.2.840.10008.5.1.4.1.1.128";
    public const string EnhancedPetImage = "1.2.840.10008.5.1.4.1.1.130";
    public const string RtStructureSet = "1.2.840.10008.5.1.4.1.1.481.3";
    public const string RtDose = "1.2.840.10008.5.1.4.1.1.481.2";
    public const string ComprehensiveSr = "1.2.840.10008.5.1.4.1.1.88.33";
    public const string EncapsulatedPdf = "1.2.840.10008.5.1.4.1.1.104.1";
}
