namespace VoxDose.Dosimetry.Planning;

/// <summary>Counts of the lung and liver ROIs drawn on the anterior and posterior planar views.</summary>
public sealed record PlanarLungShuntCounts(double LungAnterior, double LungPosterior, double LiverAnterior, double LiverPosterior)
{
    public double LungShuntFraction => PartitionModel.PlanarLungShuntFraction(LungAnterior, LungPosterior, LiverAnterior, LiverPosterior);
}
