namespace VoxDose.StoreScp.Phantom;

/// <summary>What the phantom really contains, per contoured region (written as truth.json beside the DICOM files).</summary>
public sealed record PhantomTruth
{
    public required double InjectedActivityBq { get; init; }
    public required double LungShuntFraction { get; init; }
    public required DateTime InjectionDateTime { get; init; }
    public required DateTime AcquisitionDateTime { get; init; }
    public required double HalfLifeS { get; init; }

    /// <summary>Normal-liver activity concentration at injection (before the ±30 % modulation), Bq/mL.</summary>
    public required double NormalLiverConcentrationBqPerMlAtInjection { get; init; }

    public required IReadOnlyList<PhantomRegionTruth> Regions { get; init; }

    /// <summary>
    /// Part of the lungs' volume inside the field of view. The whole lung shunt is placed there, so with a reduced field of
    /// view (fewer slices) the lung concentration and dose rise as 1 / this fraction (default 111 slices: about 0.57).
    /// </summary>
    public double LungFractionInFieldOfView { get; init; } = 1.0;

    /// <summary>The CT's truth (lung HU, density and mass) when the phantom was written with its CT; null otherwise.</summary>
    public PhantomCtTruth? Ct { get; init; }

    public string DoseDefinition { get; init; } =
        "Local deposition of the true (unblurred, noiseless) activity: D = A0 [GBq] x 49.76 Gy kg/GBq / m [kg] (VoxDose's one LDM constant, Y90Constants.LdmConstantGyKgPerGBq), soft tissue 1.04 g/cm3 "
        + "(lungs included, as VoxDose's soft-tissue method does; real lung tissue is lighter). Regions sampled 2x2x2 per voxel.";
}

/// <summary>One region of the truth: its volume, activity at injection and true mean LDM dose.</summary>
public sealed record PhantomRegionTruth(string Name, string Kind, double VolumeMl, double ActivityBqAtInjection, double MeanDoseGy);
