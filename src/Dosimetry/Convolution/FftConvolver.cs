using VoxDose.Dosimetry.Convolution.Fft;
using VoxDose.Dosimetry.Kernels;

namespace VoxDose.Dosimetry.Convolution;

/// <summary>
/// 3-D convolution of a volume with a voxel S-value kernel by FFT, on a zero-padded grid so that no wrap-around
/// reaches the output: each axis is padded to the next 2^a 3^b 5^c length of at least N + h (N voxels, kernel
/// half-extent h). Circular wrap-around then only lands in the padding, which is discarded. Double precision
/// throughout, lines transformed in parallel (<see cref="Parallel.For(int, int, Action{int})"/>).
/// </summary>
/// <remarks>
/// The kernel is real and even along each axis, so its spectrum is real and is evaluated directly as a cosine
/// series (exact, no kernel FFT). The volume's x lines are transformed two at a time as one complex line
/// (real-input "two for one"), keeping only the non-negative x frequencies.
/// Output unit = input unit x kernel unit: cumulated activity in MBq s per voxel gives mGy.
/// </remarks>
public static class FftConvolver
{
    public static double[] Convolve(ReadOnlySpan<float> input, int nx, int ny, int nz, VoxelSValueKernel kernel, int maxDegreeOfParallelism = -1)
    {
        var copy = new double[input.Length];
        for (var i = 0; i < input.Length; i++) copy[i] = input[i];
        return Convolve(copy, nx, ny, nz, kernel, maxDegreeOfParallelism);
    }

    public static double[] Convolve(double[] input, int nx, int ny, int nz, VoxelSValueKernel kernel, int maxDegreeOfParallelism = -1)
    {
        if ((long)nx * ny * nz != input.Length) throw new ArgumentException($"Input has {input.Length} voxels, expected {nx} x {ny} x {nz}.", nameof(input));
        var px = FftSizes.NextFast(nx + kernel.HalfX, even: true);
        var py = FftSizes.NextFast(ny + kernel.HalfY);
        var pz = FftSizes.NextFast(nz + kernel.HalfZ);
        var hx = px / 2 + 1;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var spectrum = new Spectrum(hx, py, pz);

        ForwardX(input, nx, ny, nz, px, spectrum, options);
        TransformY(spectrum, nz, forward: true, options);
        var kernelSpectrum = KernelSpectrum(kernel, px, py, pz);
        TransformZAndMultiply(spectrum, kernelSpectrum, options);
        TransformY(spectrum, nz, forward: false, options);
        return InverseX(spectrum, nx, ny, nz, px, options);
    }

    /// <summary>Complex spectrum on (px/2 + 1) x py x pz, x fastest, split real/imaginary.</summary>
    private sealed class Spectrum(int hx, int py, int pz)
    {
        public readonly int Hx = hx, Py = py, Pz = pz;
        public readonly double[] Re = new double[(long)hx * py * pz];
        public readonly double[] Im = new double[(long)hx * py * pz];
    }

    private static void ForwardX(double[] input, int nx, int ny, int nz, int px, Spectrum sp, ParallelOptions options)
    {
        var plan = new FftPlan(px);
        var pairs = (ny + 1) / 2;
        Parallel.For(0, pairs * nz, options, plan.CreateWork, (line, _, work) =>
        {
            int z = line / pairs, y0 = 2 * (line % pairs), y1 = y0 + 1;
            Array.Clear(work.Re);
            Array.Clear(work.Im);
            input.AsSpan((y0 + ny * z) * nx, nx).CopyTo(work.Re);
            if (y1 < ny) input.AsSpan((y1 + ny * z) * nx, nx).CopyTo(work.Im);
            plan.Forward(work);
            // A[k] = (Z[k] + conj Z[-k]) / 2, B[k] = (Z[k] - conj Z[-k]) / 2i.
            int o0 = sp.Hx * (y0 + sp.Py * z), o1 = sp.Hx * (y1 + sp.Py * z);
            for (var k = 0; k < sp.Hx; k++)
            {
                var nk = k == 0 ? 0 : px - k;
                double zr = work.Re[k], zi = work.Im[k], cr = work.Re[nk], ci = -work.Im[nk];
                sp.Re[o0 + k] = 0.5 * (zr + cr);
                sp.Im[o0 + k] = 0.5 * (zi + ci);
                if (y1 < ny)
                {
                    sp.Re[o1 + k] = 0.5 * (zi - ci);
                    sp.Im[o1 + k] = -0.5 * (zr - cr);
                }
            }
            return work;
        }, _ => { });
    }

    private static double[] InverseX(Spectrum sp, int nx, int ny, int nz, int px, ParallelOptions options)
    {
        var plan = new FftPlan(px);
        var output = new double[(long)nx * ny * nz];
        var pairs = (ny + 1) / 2;
        var scale = 1.0 / ((double)px * sp.Py * sp.Pz);
        Parallel.For(0, pairs * nz, options, plan.CreateWork, (line, _, work) =>
        {
            int z = line / pairs, y0 = 2 * (line % pairs), y1 = y0 + 1;
            bool second = y1 < ny;
            int o0 = sp.Hx * (y0 + sp.Py * z), o1 = sp.Hx * (y1 + sp.Py * z);
            // Z[k] = A[k] + i B[k], with A and B extended by Hermitian symmetry.
            for (var k = 0; k < px; k++)
            {
                var kk = k < sp.Hx ? k : px - k;
                var sign = k < sp.Hx ? 1.0 : -1.0;
                double ar = sp.Re[o0 + kk], ai = sign * sp.Im[o0 + kk];
                double br = 0, bi = 0;
                if (second) { br = sp.Re[o1 + kk]; bi = sign * sp.Im[o1 + kk]; }
                work.Re[k] = ar - bi;
                work.Im[k] = ai + br;
            }
            plan.Inverse(work);
            var row0 = (y0 + ny * z) * nx;
            for (var x = 0; x < nx; x++) output[row0 + x] = work.Re[x] * scale;
            if (second)
            {
                var row1 = (y1 + ny * z) * nx;
                for (var x = 0; x < nx; x++) output[row1 + x] = work.Im[x] * scale;
            }
            return work;
        }, _ => { });
        return output;
    }

    /// <summary>Transforms along y for the planes z &lt; nz (the others are zero before and unused after).</summary>
    private static void TransformY(Spectrum sp, int nz, bool forward, ParallelOptions options)
    {
        var plan = new FftPlan(sp.Py);
        Parallel.For(0, sp.Hx * nz, options, plan.CreateWork, (line, _, work) =>
        {
            int z = line / sp.Hx, kx = line % sp.Hx;
            var start = kx + (long)sp.Hx * sp.Py * z;
            for (var y = 0; y < sp.Py; y++)
            {
                var idx = start + (long)sp.Hx * y;
                work.Re[y] = sp.Re[idx];
                work.Im[y] = sp.Im[idx];
            }
            if (forward) plan.Forward(work); else plan.Inverse(work);
            for (var y = 0; y < sp.Py; y++)
            {
                var idx = start + (long)sp.Hx * y;
                sp.Re[idx] = work.Re[y];
                sp.Im[idx] = work.Im[y];
            }
            return work;
        }, _ => { });
    }

    private static void TransformZAndMultiply(Spectrum sp, double[] kernelSpectrum, ParallelOptions options)
    {
        var plan = new FftPlan(sp.Pz);
        var plane = sp.Hx * sp.Py;
        Parallel.For(0, plane, options, plan.CreateWork, (line, _, work) =>
        {
            for (var z = 0; z < sp.Pz; z++)
            {
                var idx = line + (long)plane * z;
                work.Re[z] = sp.Re[idx];
                work.Im[z] = sp.Im[idx];
            }
            plan.Forward(work);
            for (var z = 0; z < sp.Pz; z++)
            {
                var k = kernelSpectrum[line + (long)plane * z];
                work.Re[z] *= k;
                work.Im[z] *= k;
            }
            plan.Inverse(work);
            for (var z = 0; z < sp.Pz; z++)
            {
                var idx = line + (long)plane * z;
                sp.Re[idx] = work.Re[z];
                sp.Im[idx] = work.Im[z];
            }
            return work;
        }, _ => { });
    }

    /// <summary>
    /// The kernel's DFT on the padded grid, real because the kernel is even along each axis:
    /// K(u, v, w) = Σ_{i,j,k >= 0} c_i c_j c_k S(i, j, k) cos(2π i u / px) cos(2π j v / py) cos(2π k w / pz), c_0 = 1, c_n = 2.
    /// Evaluated axis by axis (a tensor contraction), exactly.
    /// </summary>
    internal static double[] KernelSpectrum(VoxelSValueKernel kernel, int px, int py, int pz)
    {
        int hx = px / 2 + 1, ax = kernel.HalfX + 1, ay = kernel.HalfY + 1, az = kernel.HalfZ + 1;
        var cosX = CosTable(ax, hx, px);
        var cosY = CosTable(ay, py, py);
        var cosZ = CosTable(az, pz, pz);
        // T1(u, j, k) = Σ_i c_i S(i, j, k) cos(2π i u / px)
        var t1 = new double[hx * ay * az];
        for (var k = 0; k < az; k++)
            for (var j = 0; j < ay; j++)
                for (var u = 0; u < hx; u++)
                {
                    double sum = 0;
                    for (var i = 0; i < ax; i++) sum += (i == 0 ? 1 : 2) * kernel[i, j, k] * cosX[i * hx + u];
                    t1[u + hx * (j + ay * k)] = sum;
                }
        // T2(u, v, k) = Σ_j c_j T1(u, j, k) cos(2π j v / py)
        var t2 = new double[hx * py * az];
        for (var k = 0; k < az; k++)
            for (var v = 0; v < py; v++)
                for (var j = 0; j < ay; j++)
                {
                    var c = (j == 0 ? 1 : 2) * cosY[j * py + v];
                    for (var u = 0; u < hx; u++) t2[u + hx * (v + py * k)] += c * t1[u + hx * (j + ay * k)];
                }
        var result = new double[(long)hx * py * pz];
        var plane = hx * py;
        Parallel.For(0, pz, w =>
        {
            var target = result.AsSpan(plane * w, plane);
            for (var k = 0; k < az; k++)
            {
                var c = (k == 0 ? 1 : 2) * cosZ[k * pz + w];
                var source = t2.AsSpan(plane * k, plane);
                for (var n = 0; n < plane; n++) target[n] += c * source[n];
            }
        });
        return result;
    }

    private static double[] CosTable(int terms, int frequencies, int period)
    {
        var table = new double[terms * frequencies];
        for (var i = 0; i < terms; i++)
            for (var u = 0; u < frequencies; u++)
                table[i * frequencies + u] = Math.Cos(2.0 * Math.PI * ((long)i * u % period) / period);
        return table;
    }
}
