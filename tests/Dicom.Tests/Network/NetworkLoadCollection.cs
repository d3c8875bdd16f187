namespace VoxDose.Dicom.Tests.Network;

/// <summary>Network tests that measure time or memory run alone, not beside the rest of the suite.</summary>
[CollectionDefinition("NetworkLoad", DisableParallelization = true)]
public sealed class NetworkLoadCollection;
