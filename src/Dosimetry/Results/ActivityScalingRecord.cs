namespace VoxDose.Dosimetry.Results;

/// <summary>
/// Scaling of the PET activity to the administered activity, as clinics do: target = (administered - residual)
/// x (1 - lung shunt fraction); factor = target / activity found in the PET (all in MBq at injection).
/// </summary>
public sealed record ActivityScalingRecord(double FoundMBq, double AdministeredMBq, double ResidualMBq, double LungShuntFraction, double TargetMBq, double Factor);
