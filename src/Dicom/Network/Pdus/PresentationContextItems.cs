namespace VoxDose.Dicom.Network.Pdus;

/// <summary>A presentation context proposed in A-ASSOCIATE-RQ (item 0x20, PS3.8 section 9.3.2.2).</summary>
public sealed record PresentationContextProposal(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes);

/// <summary>The answer to one presentation context in A-ASSOCIATE-AC (item 0x21, PS3.8 section 9.3.3.2).</summary>
public sealed record PresentationContextAnswer(byte Id, PresentationContextResult Result, string TransferSyntax);

/// <summary>Result/Reason field of a presentation context in A-ASSOCIATE-AC (PS3.8 table 9-18).</summary>
public enum PresentationContextResult : byte
{
    Acceptance = 0,
    UserRejection = 1,
    NoReason = 2,
    AbstractSyntaxNotSupported = 3,
    TransferSyntaxesNotSupported = 4,
}
