using System.Runtime.CompilerServices;
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
    /// <summary>Convolves single-precision voxels (computing in double) and returns single precision x <paramref name="outputScale"/>.</summary>
    public static float[] Convolve(float[] input, int nx, int ny, int nz, VoxelSValueKernel kernel, double outputScale = 1.0, int maxDegreeOfParallelism = -1)
    {
        if ((long)nx * ny * nz != input.Length) throw new ArgumentException($"Input has {input.Length} voxels, expected {nx} x {ny} x {nz}.", nameof(input));
        var output = new float[input.Length];
        Run(nx, ny, nz, kernel, maxDegreeOfParallelism,
            (row, target) => { var src = input.AsSpan(row * nx, nx); for (var x = 0; x < nx; x++) target[x] = src[x]; },
            (row, source) => { var dst = output.AsSpan(row * nx, nx); for (var x = 0; x < nx; x++) dst[x] = (float)(source[x] * outputScale); });
        return output;
    }

    public static double[] Convolve(double[] input, int nx, int ny, int nz, VoxelSValueKernel kernel, int maxDegreeOfParallelism = -1)
    {
        if ((long)nx * ny * nz != input.Length) throw new ArgumentException($"Input has {input.Length} voxels, expected {nx} x {ny} x {nz}.", nameof(input));
        var output = new double[input.Length];
        Run(nx, ny, nz, kernel, maxDegreeOfParallelism,
            (row, target) => input.AsSpan(row * nx, nx).CopyTo(target),
            (row, source) => source[..nx].CopyTo(output.AsSpan(row * nx, nx)));
        return output;
    }

    /// <summary>Reads row (y + ny z) of the input into the span (length >= nx).</summary>
    private delegate void RowReader(int row, Span<double> target);

    /// <summary>Receives output row (y + ny z), unscaled by nothing further (already normalised).</summary>
    private delegate void RowWriter(int row, ReadOnlySpan<double> source);

    private static void Run(int nx, int ny, int nz, VoxelSValueKernel kernel, int maxDegreeOfParallelism, RowReader read, RowWriter write)
    {
        var px = FftSizes.NextFast(nx + kernel.HalfX, even: true);
        var py = FftSizes.NextFast(ny + kernel.HalfY);
        var pz = FftSizes.NextFast(nz + kernel.HalfZ);
        var hx = px / 2 + 1;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var spectrum = new Spectrum(hx, py, pz);

        ForwardX(read, nx, ny, nz, px, spectrum, options);
        TransformY(spectrum, nz, forward: true, options);
        var kernelSpectrum = KernelSpectrum(kernel, px, py, pz);
        TransformZAndMultiply(spectrum, kernelSpectrum, options);
        TransformY(spectrum, nz, forward: false, options);
        InverseX(write, nx, ny, nz, px, spectrum, options);
    }

    /// <summary>Complex spectrum on (px/2 + 1) x py x pz, x fastest, split real/imaginary.</summary>
    private sealed class Spectrum(int hx, int py, int pz)
    {
        public readonly int Hx = hx, Py = py, Pz = pz;
        public readonly double[] Re = new double[(long)hx * py * pz];
        public readonly double[] Im = new double[(long)hx * py * pz];
    }

    private static void ForwardX(RowReader read, int nx, int ny, int nz, int px, Spectrum sp, ParallelOptions options)
    {
        var plan = new FftPlan(px);
        var pairs = (ny + 1) / 2;
        Parallel.For(0, pairs * nz, options, plan.CreateWork, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (line, _, work) =>
        {
            int z = line / pairs, y0 = 2 * (line % pairs), y1 = y0 + 1;
            Array.Clear(work.Re);
            Array.Clear(work.Im);
            read(y0 + ny * z, work.Re);
            if (y1 < ny) read(y1 + ny * z, work.Im);
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

    private static void InverseX(RowWriter write, int nx, int ny, int nz, int px, Spectrum sp, ParallelOptions options)
    {
        var plan = new FftPlan(px);
        var pairs = (ny + 1) / 2;
        var scale = 1.0 / ((double)px * sp.Py * sp.Pz);
        Parallel.For(0, pairs * nz, options, plan.CreateWork, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (line, _, work) =>
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
            for (var x = 0; x < nx; x++)
            {
                work.Re[x] *= scale;
                work.Im[x] *= scale;
            }
            write(y0 + ny * z, work.Re);
            if (second) write(y1 + ny * z, work.Im);
            return work;
        }, _ => { });
    }

    // Strided lines are transformed in blocks of adjacent lines, so that gathering and scattering read and write
    // whole cache lines (LinesPerBlock doubles) instead of one double per cache line.
    private const int LinesPerBlock = 8;

    /// <summary>Transforms along y for the planes z &lt; nz (the others are zero before and unused after).</summary>
    private static void TransformY(Spectrum sp, int nz, bool forward, ParallelOptions options)
    {
        var plan = new FftPlan(sp.Py);
        var blocksPerPlane = (sp.Hx + LinesPerBlock - 1) / LinesPerBlock;
        Parallel.For(0, blocksPerPlane * nz, options, () => CreateWorks(plan), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (block, _, works) =>
        {
            int z = block / blocksPerPlane, kx0 = (block % blocksPerPlane) * LinesPerBlock;
            var count = Math.Min(LinesPerBlock, sp.Hx - kx0);
            var start = kx0 + (long)sp.Hx * sp.Py * z;
            Gather(sp, start, sp.Hx, sp.Py, count, works);
            for (var b = 0; b < count; b++)
                if (forward) plan.Forward(works[b]); else plan.Inverse(works[b]);
            Scatter(sp, start, sp.Hx, sp.Py, count, works);
            return works;
        }, _ => { });
    }

    private static void TransformZAndMultiply(Spectrum sp, double[] kernelSpectrum, ParallelOptions options)
    {
        var plan = new FftPlan(sp.Pz);
        var plane = sp.Hx * sp.Py;
        var blocks = (plane + LinesPerBlock - 1) / LinesPerBlock;
        Parallel.For(0, blocks, options, () => CreateWorks(plan), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (block, _, works) =>
        {
            var line0 = block * LinesPerBlock;
            var count = Math.Min(LinesPerBlock, plane - line0);
            Gather(sp, line0, plane, sp.Pz, count, works);
            for (var b = 0; b < count; b++)
            {
                var work = works[b];
                plan.Forward(work);
                for (var z = 0; z < sp.Pz; z++)
                {
                    var k = kernelSpectrum[line0 + b + (long)plane * z];
                    work.Re[z] *= k;
                    work.Im[z] *= k;
                }
                plan.Inverse(work);
            }
            Scatter(sp, line0, plane, sp.Pz, count, works);
            return works;
        }, _ => { });
    }

    private static FftWork[] CreateWorks(FftPlan plan)
    {
        var works = new FftWork[LinesPerBlock];
        for (var b = 0; b < works.Length; b++) works[b] = plan.CreateWork();
        return works;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather(Spectrum sp, long start, long stride, int length, int count, FftWork[] works)
    {
        for (var n = 0; n < length; n++)
        {
            var idx = start + stride * n;
            for (var b = 0; b < count; b++)
            {
                works[b].Re[n] = sp.Re[idx + b];
                works[b].Im[n] = sp.Im[idx + b];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter(Spectrum sp, long start, long stride, int length, int count, FftWork[] works)
    {
        for (var n = 0; n < length; n++)
        {
            var idx = start + stride * n;
            for (var b = 0; b < count; b++)
            {
                sp.Re[idx + b] = works[b].Re[n];
                sp.Im[idx + b] = works[b].Im[n];
            }
        }
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
        Parallel.For(0, pz, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (w) =>
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
