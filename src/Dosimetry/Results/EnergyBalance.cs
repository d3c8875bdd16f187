namespace VoxDose.Dosimetry.Results;

/// <summary>
/// Where the emitted energy went, in joules, over all decays from injection to infinity: emitted (Ã x 0.9336 MeV),
/// modelled by the method (the kernel's table energy for VSV), and deposited in the dose grid (Σ D x m).
/// Deposited is below modelled by what leaves the grid's edge.
/// </summary>
public sealed record EnergyBalance(double EmittedJ, double ModelledJ, double DepositedInGridJ)
{
    public double DepositedFractionOfEmitted => EmittedJ > 0 ? DepositedInGridJ / EmittedJ : double.NaN;
}
