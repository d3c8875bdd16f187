namespace VoxDose.Dicom.Network.Dimse;

/// <summary>Command Field (0000,0100) values (PS3.7 annex E, table E.1-1).</summary>
public static class CommandField
{
    public const ushort CStoreRequest = 0x0001;
    public const ushort CStoreResponse = 0x8001;
    public const ushort CGetRequest = 0x0010;
    public const ushort CFindRequest = 0x0020;
    public const ushort CMoveRequest = 0x0021;
    public const ushort CEchoRequest = 0x0030;
    public const ushort CEchoResponse = 0x8030;
    public const ushort CCancelRequest = 0x0FFF;

    /// <summary>Bit 15 marks a response.</summary>
    public static bool IsResponse(ushort field) => (field & 0x8000) != 0;
}
