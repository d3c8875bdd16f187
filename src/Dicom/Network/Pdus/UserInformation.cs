namespace VoxDose.Dicom.Network.Pdus;

/// <summary>
/// User information item (0x50, PS3.8 section 9.3.2.3 and PS3.7 annex D.3.3). Sub-items we do not act on are kept
/// as <see cref="OtherItems"/> so they are visible but never echoed back.
/// </summary>
public sealed record UserInformation
{
    /// <summary>Maximum length of the variable field of P-DATA-TF PDUs this side receives (0 = unlimited; PS3.8 D.1).</summary>
    public uint MaxPduLength { get; init; }

    public string? ImplementationClassUid { get; init; }

    public string? ImplementationVersionName { get; init; }

    /// <summary>Asynchronous operations window (sub-item 0x53, PS3.7 D.3.3.3): invoked, performed; null if absent.</summary>
    public (ushort Invoked, ushort Performed)? AsyncOperations { get; init; }

    /// <summary>SCP/SCU role selection sub-items (0x54, PS3.7 D.3.3.4).</summary>
    public IReadOnlyList<RoleSelection> RoleSelections { get; init; } = [];

    /// <summary>SOP class extended negotiation sub-items (0x56, PS3.7 D.3.3.5): SOP class and opaque application information.</summary>
    public IReadOnlyList<ExtendedNegotiation> ExtendedNegotiations { get; init; } = [];

    /// <summary>Sub-items kept raw: common extended negotiation (0x57), user identity (0x58/0x59) and unknown types.</summary>
    public IReadOnlyList<RawUserItem> OtherItems { get; init; } = [];
}

/// <summary>SCP/SCU role selection (sub-item 0x54): whether each side may act as SCU/SCP for a SOP class.</summary>
public sealed record RoleSelection(string SopClassUid, bool ScuRole, bool ScpRole);

/// <summary>SOP class extended negotiation (sub-item 0x56).</summary>
public sealed record ExtendedNegotiation(string SopClassUid, byte[] ApplicationInformation);

/// <summary>A user information sub-item kept as bytes.</summary>
public sealed record RawUserItem(byte ItemType, byte[] Value);
