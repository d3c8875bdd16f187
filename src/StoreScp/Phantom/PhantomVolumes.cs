using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>The phantom's images: the true activity at injection and the PET as a scanner would report it (Bq/mL at scan start).</summary>
public sealed record PhantomVolumes(Volume TrueActivityBqPerMlAtInjection, Volume PetBqPerMlAtScanStart, PhantomTruth Truth);
