namespace VoxDose.Dicom.Network.Dimse;

/// <summary>Priority (0000,0700) values (PS3.7 annex E, table E.1-1).</summary>
public enum DimsePriority : ushort
{
    Medium = 0x0000,
    High = 0x0001,
    Low = 0x0002,
}
