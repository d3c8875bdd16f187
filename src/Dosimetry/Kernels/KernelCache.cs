using System.Collections.Concurrent;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Kernels;

/// <summary>
/// Y-90 VSV kernels built from the Graves 2019 point kernel, cached per (spacing, density, electrons per gram). The kernel is
/// deterministic, so a cached kernel is identical to a rebuilt one.
/// </summary>
public static class KernelCache
{
    private static readonly ConcurrentDictionary<(long, long, long, long, long), Lazy<VoxelSValueKernel>> Cache = new();

    /// <summary>The kernel for a spacing and a medium; soft tissue's electrons per gram unless told otherwise.</summary>
    public static VoxelSValueKernel GetY90(Vec3 spacingMm, double densityGPerCm3,
        double relativeElectronsPerGram = Physics.Y90Constants.SoftTissueRelativeElectronsPerGram)
    {
        // Keyed on micrometre / 1e-6 g/cm3 rounding so that 4.0728 and 4.07280000001 share a kernel.
        var key = (Key(spacingMm.X), Key(spacingMm.Y), Key(spacingMm.Z), Key(densityGPerCm3), Key(relativeElectronsPerGram));
        return Cache.GetOrAdd(key, _ => new Lazy<VoxelSValueKernel>(
            () => VoxelSValueKernelBuilder.Build(PointKernel.Y90Graves2019, spacingMm, densityGPerCm3, relativeElectronsPerGram))).Value;
    }

    private static long Key(double value) => (long)Math.Round(value * 1e6);
}
