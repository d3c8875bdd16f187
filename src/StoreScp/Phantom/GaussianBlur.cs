using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>Separable 3-D Gaussian blur (FWHM in mm, truncated at 3 sigma, edges clamped) of a volume in place.</summary>
public static class GaussianBlur
{
    /// <summary>FWHM = 2 sqrt(2 ln 2) sigma.</summary>
    public static double SigmaFromFwhm(double fwhm) => fwhm / (2.0 * Math.Sqrt(2.0 * Math.Log(2.0)));

    public static void Apply(Volume volume, double fwhmMm)
    {
        if (fwhmMm <= 0) return;
        Pass(volume, Kernel(SigmaFromFwhm(fwhmMm) / volume.SpacingMm.X), 1, volume.SizeX, volume.SizeY * volume.SizeZ, v => (v % volume.SizeY, v / volume.SizeY), (a, b) => volume.Index(0, a, b));
        Pass(volume, Kernel(SigmaFromFwhm(fwhmMm) / volume.SpacingMm.Y), volume.StrideY, volume.SizeY, volume.SizeX * volume.SizeZ, v => (v % volume.SizeX, v / volume.SizeX), (a, b) => volume.Index(a, 0, b));
        Pass(volume, Kernel(SigmaFromFwhm(fwhmMm) / volume.SpacingMm.Z), volume.StrideZ, volume.SizeZ, volume.SizeX * volume.SizeY, v => (v % volume.SizeX, v / volume.SizeX), (a, b) => volume.Index(a, b, 0));
    }

    private static double[] Kernel(double sigmaVoxels)
    {
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigmaVoxels));
        var kernel = new double[2 * radius + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.Exp(-0.5 * i * i / (sigmaVoxels * sigmaVoxels));
        for (var i = 0; i < kernel.Length; i++) kernel[i] /= sum;
        return kernel;
    }

    private static void Pass(Volume volume, double[] kernel, int stride, int length, int lines, Func<int, (int A, int B)> line, Func<int, int, int> start)
    {
        var voxels = volume.Voxels;
        var radius = kernel.Length / 2;
        Parallel.For(0, lines, () => new double[length], (l, _, buffer) =>
        {
            var (a, b) = line(l);
            var first = start(a, b);
            for (var i = 0; i < length; i++) buffer[i] = voxels[first + i * stride];
            for (var i = 0; i < length; i++)
            {
                double acc = 0;
                for (var t = -radius; t <= radius; t++) acc += kernel[t + radius] * buffer[Math.Clamp(i + t, 0, length - 1)];
                voxels[first + i * stride] = (float)acc;
            }
            return buffer;
        }, _ => { });
    }
}
