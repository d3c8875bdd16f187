namespace VoxDose.StoreScp.Tests.Support;

/// <summary>
/// Tests that open thousands of loopback connections (each takes an ephemeral port) and tests of a `voxdose serve` child
/// on a port picked beforehand: run alone, or a flood may take the picked port before the child binds it.
/// </summary>
[CollectionDefinition("PortFlood", DisableParallelization = true)]
public sealed class PortFloodCollection;
