namespace VoxDose.Dicom.Network.Associations;

/// <summary>A presentation context both sides agreed on: its ID, abstract syntax (SOP class) and transfer syntax.</summary>
public sealed record AcceptedContext(byte Id, string AbstractSyntax, string TransferSyntax);
