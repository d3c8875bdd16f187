namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Section <c>VoxDose:Planning</c>: what the node does with a Tc-99m MAA SPECT/CT study (it computes the plan, as
/// <c>voxdose plan</c> does) and how a later Y-90 PET study finds its plan (docs/planning.md). The microsphere type and
/// the EANM limits are <c>VoxDose:Dosimetry</c>'s (one owner per fact).
/// </summary>
public sealed class PlanningSectionOptions
{
    /// <summary>
    /// Default of <see cref="LinkWindowDays"/>: 60 days. The MAA work-up is usually 1 to 3 weeks before treatment (EANM
    /// 2022); 60 days links a plan repeated or a treatment postponed once, and not a plan of an earlier treatment course.
    /// </summary>
    public const double DefaultLinkWindowDays = 60;

    /// <summary>
    /// A Y-90 PET study links the most recent plan of the same patient (Patient ID and Issuer of Patient ID) whose MAA
    /// study date is at most this many days before the PET's study date (and not after it).
    /// </summary>
    public double LinkWindowDays { get; set; } = DefaultLinkWindowDays;

    /// <summary>Tumour dose the node's prescription aims at, Gy (120 Gy default, as <c>voxdose plan</c>).</summary>
    public double TargetTumourGy { get; set; } = 120.0;

    /// <summary>Planned administered activity, MBq; unset: the plan prescribes one (as <c>voxdose plan</c> without <c>--administered-mbq</c>).</summary>
    public double? AdministeredActivityMBq { get; set; }

    /// <summary>Lung shunt fraction (0-1) for every plan; unset: from the SPECT/CT lung and liver ROIs.</summary>
    public double? LungShuntFraction { get; set; }
}
