namespace VoxDose.Dosimetry.Results;

/// <summary>
/// The lungs as EANM 2022 asks for them: the lung ROIs' mass (from the CT when there is one), the activity in them
/// measured on the PET, the mean lung dose D = A [GBq] x 49.76 Gy kg/GBq / M [kg], and the lung shunt fraction measured
/// on the PET (<see cref="ShuntDefinition"/>).
/// </summary>
public sealed record LungDosimetry
{
    /// <summary>The lung ROIs taken together (their union).</summary>
    public required IReadOnlyList<string> RoiNames { get; init; }
    public required double VolumeMl { get; init; }
    public required double MassKg { get; init; }

    /// <summary>Where the mass came from: "CT density (series ...)" or "soft tissue (1.04 g/mL) assumed".</summary>
    public required string MassSource { get; init; }

    /// <summary>Activity in the lung ROIs at injection as measured on the PET (before any scaling), MBq.</summary>
    public required double ActivityAtInjectionMBq { get; init; }

    /// <summary>Activity the lung dose uses (after the scaling to the administered activity, if any), MBq.</summary>
    public required double ActivityForDoseMBq { get; init; }

    public required double DoseGy { get; init; }
    public required string DoseMethod { get; init; }

    /// <summary>Lung shunt fraction measured on the PET (0-1).</summary>
    public required double PetLungShuntFraction { get; init; }

    public const string ShuntDefinition =
        "activity in the lung ROIs / total activity in the PET field of view, both decay-corrected to injection (lungs outside the field of view are missed)";
}
