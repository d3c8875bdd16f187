namespace VoxDose.Dicom.Network.Pdus;

/// <summary>Result field of A-ASSOCIATE-RJ (PS3.8 table 9-21).</summary>
public enum RejectResult : byte
{
    Permanent = 1,
    Transient = 2,
}
