using VoxDose.Dosimetry.Convolution;
using VoxDose.Dosimetry.Kernels;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Convolution;

public class FftConvolverTests
{
    [Theory]
    [InlineData(13, 11, 9, 4.07, 4.07, 2.0)]
    [InlineData(10, 12, 7, 3.0, 3.0, 3.0)]
    [InlineData(1, 1, 1, 5.0, 5.0, 5.0)]
    [InlineData(6, 1, 20, 2.0, 2.5, 3.0)]
    public void Fft_convolution_equals_direct_convolution_without_wrap_around(int nx, int ny, int nz, double sx, double sy, double sz)
    {
        var kernel = KernelCache.GetY90(new Vec3(sx, sy, sz), 1.04);
        var random = new Random(nx * 100 + nz);
        var input = new double[nx * ny * nz];
        for (var i = 0; i < input.Length; i++) input[i] = random.NextDouble() < 0.3 ? random.NextDouble() * 100 : 0;
        // A hot voxel on the edge: wrap-around would show on the opposite face.
        input[nx - 1] = 1000;
        var direct = DirectConvolver.Convolve(input, nx, ny, nz, kernel);
        var fft = FftConvolver.Convolve(input, nx, ny, nz, kernel);
        var max = direct.Max();
        for (var i = 0; i < direct.Length; i++)
            // Both in double precision: the FFT's round-off is ~1e-13 of the maximum; a wrap-around or an off-by-one shift is > 1e-3.
            Assert.True(Math.Abs(fft[i] - direct[i]) <= 1e-9 * max,
                $"voxel {i}: FFT {fft[i]} vs direct {direct[i]}");
        // Relative agreement where the dose is not negligible.
        for (var i = 0; i < direct.Length; i++)
            if (direct[i] > 1e-3 * max) Assert.Equal(1.0, fft[i] / direct[i], 1e-5);
        // The single-precision entry point (used for dose maps) computes the same in double, scaled on output.
        var single = FftConvolver.Convolve(input.Select(v => (float)v).ToArray(), nx, ny, nz, kernel, outputScale: 1e-3);
        for (var i = 0; i < direct.Length; i++)
            Assert.True(Math.Abs(single[i] * 1e3 - direct[i]) <= 1e-5 * max, $"voxel {i}: float path {single[i] * 1e3} vs direct {direct[i]}");
    }

    [Fact]
    public void Single_source_voxel_reproduces_the_kernel()
    {
        var kernel = KernelCache.GetY90(new Vec3(3, 3, 3), 1.04);
        const int n = 11;
        var input = new double[n * n * n];
        input[5 + n * (5 + n * 5)] = 2.0; // 2 MBq s
        var dose = FftConvolver.Convolve(input, n, n, n, kernel, maxDegreeOfParallelism: 1);
        Assert.Equal(2.0 * kernel[0, 0, 0], dose[5 + n * (5 + n * 5)], 1e-9);
        Assert.Equal(2.0 * kernel[1, 2, 0], dose[6 + n * (3 + n * 5)], 1e-9);
        Assert.Equal(0.0, dose[0], 1e-9);
    }
}
