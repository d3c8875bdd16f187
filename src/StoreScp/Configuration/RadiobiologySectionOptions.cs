using VoxDose.Dosimetry.Metrics;

namespace VoxDose.StoreScp.Configuration;

/// <summary>Section <c>VoxDose:Dosimetry:Radiobiology</c>: alpha/beta, repair half-time and gEUD a per ROI role (defaults: <see cref="RadiobiologyOptions"/>).</summary>
public sealed class RadiobiologySectionOptions
{
    private static readonly RadiobiologyOptions Defaults = new();

    public TissueOptions Lesion { get; set; } = new(Defaults.Lesion);
    public TissueOptions NormalLiver { get; set; } = new(Defaults.NormalLiver);
    public TissueOptions WholeLiver { get; set; } = new(Defaults.WholeLiver);
    public TissueOptions PerfusedRegion { get; set; } = new(Defaults.PerfusedRegion);
    public TissueOptions Lung { get; set; } = new(Defaults.Lung);
    public TissueOptions Other { get; set; } = new(Defaults.Other);

    public RadiobiologyOptions ToEngine() => new()
    {
        Lesion = Lesion.ToEngine(), NormalLiver = NormalLiver.ToEngine(), WholeLiver = WholeLiver.ToEngine(),
        PerfusedRegion = PerfusedRegion.ToEngine(), Lung = Lung.ToEngine(), Other = Other.ToEngine(),
    };

    /// <summary>One tissue's parameters.</summary>
    public sealed class TissueOptions
    {
        public TissueOptions() : this(new RadiobiologyOptions().Other) { }

        public TissueOptions(RadiobiologyParameters defaults)
        {
            ArgumentNullException.ThrowIfNull(defaults);
            AlphaBetaGy = defaults.AlphaBetaGy;
            RepairHalfTimeH = defaults.RepairHalfTimeH;
            GeudA = defaults.GeudA;
        }

        public double AlphaBetaGy { get; set; }
        public double RepairHalfTimeH { get; set; }
        public double GeudA { get; set; }

        public RadiobiologyParameters ToEngine() => new(AlphaBetaGy, RepairHalfTimeH, GeudA);
    }
}
