using VoxDose.Dosimetry.Kernels;

namespace VoxDose.Dosimetry.Convolution;

/// <summary>
/// Straightforward 3-D convolution (sum over the kernel for every voxel, zero outside the volume). Slow; the
/// reference the FFT convolution is tested against, and usable for tiny volumes.
/// </summary>
public static class DirectConvolver
{
    public static double[] Convolve(double[] input, int nx, int ny, int nz, VoxelSValueKernel kernel)
    {
        if ((long)nx * ny * nz != input.Length) throw new ArgumentException($"Input has {input.Length} voxels, expected {nx} x {ny} x {nz}.", nameof(input));
        var output = new double[input.Length];
        Parallel.For(0, nz, z =>
        {
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                {
                    double sum = 0;
                    for (var k = -kernel.HalfZ; k <= kernel.HalfZ; k++)
                    {
                        var sz = z - k;
                        if (sz < 0 || sz >= nz) continue;
                        for (var j = -kernel.HalfY; j <= kernel.HalfY; j++)
                        {
                            var sy = y - j;
                            if (sy < 0 || sy >= ny) continue;
                            for (var i = -kernel.HalfX; i <= kernel.HalfX; i++)
                            {
                                var sx = x - i;
                                if (sx < 0 || sx >= nx) continue;
                                sum += input[sx + nx * (sy + ny * sz)] * kernel[i, j, k];
                            }
                        }
                    }
                    output[x + nx * (y + ny * z)] = sum;
                }
        });
        return output;
    }
}
