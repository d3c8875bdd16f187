namespace VoxDose.Dicom.Network.Pdus;

/// <summary>Source field of A-ASSOCIATE-RJ (PS3.8 table 9-21).</summary>
public enum RejectSource : byte
{
    ServiceUser = 1,
    ServiceProviderAcse = 2,
    ServiceProviderPresentation = 3,
}
