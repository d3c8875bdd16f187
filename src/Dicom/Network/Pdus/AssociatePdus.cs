namespace VoxDose.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ (PS3.8 section 9.3.2).</summary>
public sealed record AssociateRequestPdu : Pdu
{
    public override PduType Type => PduType.AssociateRequest;

    /// <summary>Protocol version bit field; bit 0 (version 1) must be set (PS3.8 table 9-11).</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = DicomUids.DicomApplicationContext;

    public IReadOnlyList<PresentationContextProposal> PresentationContexts { get; init; } = [];

    public UserInformation UserInformation { get; init; } = new();
}

/// <summary>A-ASSOCIATE-AC (PS3.8 section 9.3.3).</summary>
public sealed record AssociateAcceptPdu : Pdu
{
    public override PduType Type => PduType.AssociateAccept;

    public ushort ProtocolVersion { get; init; } = 1;

    /// <summary>Echo of the called AE title of the request (PS3.8 table 9-17, not tested by the receiver).</summary>
    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = DicomUids.DicomApplicationContext;

    public IReadOnlyList<PresentationContextAnswer> PresentationContexts { get; init; } = [];

    public UserInformation UserInformation { get; init; } = new();
}
