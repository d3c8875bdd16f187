using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using VoxDose.Dosimetry.Convolution.Fft;
using VoxDose.Dosimetry.Kernels;

namespace VoxDose.Dosimetry.Convolution;

/// <summary>
/// 3-D convolution of a volume with a voxel S-value kernel by FFT, on a zero-padded grid so that no wrap-around
/// reaches the output: each axis is padded to the next 2^a 3^b 5^c length of at least N + h (N voxels, kernel
/// half-extent h). Circular wrap-around then only lands in the padding, which is discarded. Double precision
/// throughout, work spread over the cores with <see cref="Parallel"/>.
/// </summary>
/// <remarks>
/// Order of work: (1) real-to-complex transform of the x rows, two rows at a time as one complex line, keeping the
/// non-negative x frequencies; (2) for each x frequency, an independent "slab" (py x pz complex values, contiguous,
/// cache-sized): y transforms, z transforms, product with the kernel spectrum, inverse z and y (y and z lines four at a time in 256-bit vectors); (3) complex-to-real
/// inverse of the x rows. The kernel is real and even along each axis, so its spectrum is real and is evaluated
/// exactly as a separable cosine series (no kernel FFT). Output unit = input unit x kernel unit: cumulated activity
/// in MBq s per voxel gives mGy.
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

    /// <summary>Reads input row (y + ny z) into the span (length >= nx).</summary>
    private delegate void RowReader(int row, Span<double> target);

    /// <summary>Receives output row (y + ny z), already normalised.</summary>
    private delegate void RowWriter(int row, ReadOnlySpan<double> source);

    /// <summary>
    /// Complex spectrum after the x transform: slab kx holds py x nz values (y fastest, slabs contiguous). Planes
    /// z >= nz are zero before the z transform and unused after it, so they live only in the z line buffers.
    /// </summary>
    private sealed class Spectrum(int hx, int py, int nz, int pz)
    {
        public readonly int Hx = hx, Py = py, Nz = nz, Pz = pz, SlabSize = py * nz;
        public readonly double[] Re = new double[(long)hx * py * nz];
        public readonly double[] Im = new double[(long)hx * py * nz];

        public long Index(int kx, int y, int z) => y + Py * (z + (long)Nz * kx);
    }

    private static void Run(int nx, int ny, int nz, VoxelSValueKernel kernel, int maxDegreeOfParallelism, RowReader read, RowWriter write)
    {
        var px = FftSizes.NextFast(nx + kernel.HalfX, even: true);
        var py = FftSizes.NextFast(ny + kernel.HalfY);
        var pz = FftSizes.NextFast(nz + kernel.HalfZ);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var sp = new Spectrum(px / 2 + 1, py, nz, pz);
        var kernelTerms = new KernelSpectrumTerms(kernel, px, py, pz);

        ForwardX(read, nx, ny, nz, px, sp, options);
        var planY = new FftPlan(py);
        var planZ = new FftPlan(pz);
        var batchY = new FftBatch4(planY);
        var batchZ = new FftBatch4(planZ);
        Parallel.For(0, sp.Hx, options, () => new SlabWork(planY, planZ, batchY, batchZ, py * pz),
            (kx, _, work) => { ProcessSlab(sp, kx, nz, planY, planZ, batchY, batchZ, kernelTerms, work); return work; }, _ => { });
        InverseX(write, nx, ny, nz, px, sp, options);
    }

    private sealed class SlabWork(FftPlan planY, FftPlan planZ, FftBatch4 batchY, FftBatch4 batchZ, int kernelSlabSize)
    {
        public readonly (Vector256<double>[] Re, Vector256<double>[] Im, Vector256<double>[] ScratchRe, Vector256<double>[] ScratchIm) BatchY = batchY.CreateWork();
        public readonly FftWork Y = planY.CreateWork();
        public readonly FftWork Z = planZ.CreateWork();
        public readonly (Vector256<double>[] Re, Vector256<double>[] Im, Vector256<double>[] ScratchRe, Vector256<double>[] ScratchIm) Batch = batchZ.CreateWork();
        public readonly double[] Kernel = new double[kernelSlabSize];
    }

    /// <summary>y transforms (planes z &lt; nz only: the rest is zero), z transforms, kernel product, and back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ProcessSlab(Spectrum sp, int kx, int nz, FftPlan planY, FftPlan planZ, FftBatch4 batchY, FftBatch4 batchZ,
        KernelSpectrumTerms kernelTerms, SlabWork work)
    {
        var re = sp.Re.AsSpan((int)sp.Index(kx, 0, 0), sp.SlabSize);
        var im = sp.Im.AsSpan((int)sp.Index(kx, 0, 0), sp.SlabSize);
        TransformRows(re, im, sp.Py, nz, planY, batchY, work, forward: true);

        kernelTerms.FillSlab(kx, work.Kernel);
        var kernel = work.Kernel;
        int py = sp.Py, pz = sp.Pz;
        var y0 = 0;
        // Four adjacent z lines at a time as 256-bit vectors (adjacent y values are contiguous in the slab).
        for (; y0 + 4 <= py; y0 += 4)
        {
            var (zr, zi, sr, si) = work.Batch;
            for (var z = 0; z < nz; z++)
            {
                zr[z] = Vector256.Create(re.Slice(py * z + y0, 4));
                zi[z] = Vector256.Create(im.Slice(py * z + y0, 4));
            }
            Array.Clear(zr, nz, pz - nz);
            Array.Clear(zi, nz, pz - nz);
            batchZ.Forward(zr, zi, sr, si);
            for (var z = 0; z < pz; z++)
            {
                var k = Vector256.Create(kernel.AsSpan(py * z + y0, 4));
                zr[z] *= k;
                zi[z] *= k;
            }
            batchZ.Inverse(zr, zi, sr, si);
            for (var z = 0; z < nz; z++) // planes z >= nz are not needed after this
            {
                zr[z].CopyTo(re.Slice(py * z + y0, 4));
                zi[z].CopyTo(im.Slice(py * z + y0, 4));
            }
        }
        for (; y0 < py; y0++)
        {
            var line = work.Z;
            for (var z = 0; z < nz; z++)
            {
                line.Re[z] = re[py * z + y0];
                line.Im[z] = im[py * z + y0];
            }
            Array.Clear(line.Re, nz, pz - nz);
            Array.Clear(line.Im, nz, pz - nz);
            planZ.Forward(line);
            for (var z = 0; z < pz; z++)
            {
                var k = kernel[y0 + py * z];
                line.Re[z] *= k;
                line.Im[z] *= k;
            }
            planZ.Inverse(line);
            for (var z = 0; z < nz; z++)
            {
                re[py * z + y0] = line.Re[z];
                im[py * z + y0] = line.Im[z];
            }
        }
        TransformRows(re, im, sp.Py, nz, planY, batchY, work, forward: false);
    }

    /// <summary>Transforms the contiguous y rows of planes z &lt; nz of one slab, four planes at a time in vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransformRows(Span<double> re, Span<double> im, int py, int nz, FftPlan plan, FftBatch4 batch, SlabWork work, bool forward)
    {
        var z = 0;
        var (vr, vi, sr, si) = work.BatchY;
        for (; z + 4 <= nz; z += 4)
        {
            int r0 = py * z, r1 = r0 + py, r2 = r1 + py, r3 = r2 + py;
            for (var y = 0; y < py; y++)
            {
                vr[y] = Vector256.Create(re[r0 + y], re[r1 + y], re[r2 + y], re[r3 + y]);
                vi[y] = Vector256.Create(im[r0 + y], im[r1 + y], im[r2 + y], im[r3 + y]);
            }
            if (forward) batch.Forward(vr, vi, sr, si); else batch.Inverse(vr, vi, sr, si);
            for (var y = 0; y < py; y++)
            {
                var a = vr[y];
                var b = vi[y];
                re[r0 + y] = a[0]; re[r1 + y] = a[1]; re[r2 + y] = a[2]; re[r3 + y] = a[3];
                im[r0 + y] = b[0]; im[r1 + y] = b[1]; im[r2 + y] = b[2]; im[r3 + y] = b[3];
            }
        }
        var line = work.Y;
        for (; z < nz; z++)
        {
            re.Slice(py * z, py).CopyTo(line.Re);
            im.Slice(py * z, py).CopyTo(line.Im);
            if (forward) plan.Forward(line); else plan.Inverse(line);
            line.Re.AsSpan(0, py).CopyTo(re.Slice(py * z, py));
            line.Im.AsSpan(0, py).CopyTo(im.Slice(py * z, py));
        }
    }

    private static void ForwardX(RowReader read, int nx, int ny, int nz, int px, Spectrum sp, ParallelOptions options)
    {
        var plan = new FftPlan(px);
        Parallel.For(0, nz, options, plan.CreateWork, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (z, _, work) =>
        {
            for (var y0 = 0; y0 < ny; y0 += 2)
            {
                var y1 = y0 + 1;
                Array.Clear(work.Re);
                Array.Clear(work.Im);
                read(y0 + ny * z, work.Re);
                if (y1 < ny) read(y1 + ny * z, work.Im);
                plan.Forward(work);
                // A[k] = (Z[k] + conj Z[-k]) / 2, B[k] = (Z[k] - conj Z[-k]) / 2i.
                for (var k = 0; k < sp.Hx; k++)
                {
                    var nk = k == 0 ? 0 : px - k;
                    double zr = work.Re[k], zi = work.Im[k], cr = work.Re[nk], ci = -work.Im[nk];
                    var o = sp.Index(k, y0, z);
                    sp.Re[o] = 0.5 * (zr + cr);
                    sp.Im[o] = 0.5 * (zi + ci);
                    if (y1 < ny)
                    {
                        sp.Re[o + 1] = 0.5 * (zi - ci);
                        sp.Im[o + 1] = -0.5 * (zr - cr);
                    }
                }
            }
            return work;
        }, _ => { });
    }

    private static void InverseX(RowWriter write, int nx, int ny, int nz, int px, Spectrum sp, ParallelOptions options)
    {
        var plan = new FftPlan(px);
        var scale = 1.0 / ((double)px * sp.Py * sp.Pz);
        Parallel.For(0, nz, options, plan.CreateWork, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (z, _, work) =>
        {
            for (var y0 = 0; y0 < ny; y0 += 2)
            {
                var y1 = y0 + 1;
                var second = y1 < ny;
                // Z[k] = A[k] + i B[k], with A and B extended by Hermitian symmetry.
                for (var k = 0; k < px; k++)
                {
                    var kk = k < sp.Hx ? k : px - k;
                    var sign = k < sp.Hx ? 1.0 : -1.0;
                    var o = sp.Index(kk, y0, z);
                    double ar = sp.Re[o], ai = sign * sp.Im[o];
                    double br = 0, bi = 0;
                    if (second) { br = sp.Re[o + 1]; bi = sign * sp.Im[o + 1]; }
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
            }
            return work;
        }, _ => { });
    }

    /// <summary>The kernel's spectrum on the padded grid as a flat array, slab layout (y fastest, then z, then x frequency).</summary>
    internal static double[] KernelSpectrum(VoxelSValueKernel kernel, int px, int py, int pz)
    {
        var terms = new KernelSpectrumTerms(kernel, px, py, pz);
        var slab = py * pz;
        var result = new double[(long)(px / 2 + 1) * slab];
        for (var u = 0; u <= px / 2; u++) terms.FillSlab(u, result.AsSpan(u * slab, slab));
        return result;
    }

    /// <summary>
    /// The kernel's DFT, real because the kernel is even along each axis:
    /// K(u, v, w) = Σ_{i,j,k >= 0} c_i c_j c_k S(i, j, k) cos(2π i u / px) cos(2π j v / py) cos(2π k w / pz), c_0 = 1, c_n = 2.
    /// The x and y sums are done once (T2(u, v, k)); each slab u finishes the z sum on demand.
    /// </summary>
    private sealed class KernelSpectrumTerms
    {
        private readonly int _py, _pz, _az;
        private readonly double[] _t2;   // [v + py (k + az u)]
        private readonly double[] _cosZ; // [k pz + w], with c_k folded in

        public KernelSpectrumTerms(VoxelSValueKernel kernel, int px, int py, int pz)
        {
            int hx = px / 2 + 1, ax = kernel.HalfX + 1, ay = kernel.HalfY + 1;
            _py = py;
            _pz = pz;
            _az = kernel.HalfZ + 1;
            var cosX = CosTable(ax, hx, px);
            var cosY = CosTable(ay, py, py);
            _cosZ = CosTable(_az, pz, pz);
            for (var k = 1; k < _az; k++)
                for (var w = 0; w < pz; w++) _cosZ[k * pz + w] *= 2;
            _t2 = new double[hx * py * _az];
            var t1 = new double[ay];
            for (var u = 0; u < hx; u++)
                for (var k = 0; k < _az; k++)
                {
                    // T1(u, j, k) = Σ_i c_i S(i, j, k) cos(2π i u / px)
                    for (var j = 0; j < ay; j++)
                    {
                        double sum = 0;
                        for (var i = 0; i < ax; i++) sum += (i == 0 ? 1 : 2) * kernel[i, j, k] * cosX[i * hx + u];
                        t1[j] = sum;
                    }
                    // T2(u, v, k) = Σ_j c_j T1(u, j, k) cos(2π j v / py)
                    for (var v = 0; v < py; v++)
                    {
                        double sum = 0;
                        for (var j = 0; j < ay; j++) sum += (j == 0 ? 1 : 2) * t1[j] * cosY[j * py + v];
                        _t2[v + py * (k + _az * u)] = sum;
                    }
                }
        }

        /// <summary>K(u, v, w) for all v, w into target[v + py w].</summary>
        public void FillSlab(int u, Span<double> target)
        {
            for (var w = 0; w < _pz; w++)
            {
                var row = target.Slice(_py * w, _py);
                row.Clear();
                for (var k = 0; k < _az; k++)
                {
                    var c = _cosZ[k * _pz + w];
                    var source = _t2.AsSpan(_py * (k + _az * u), _py);
                    for (var v = 0; v < _py; v++) row[v] += c * source[v];
                }
            }
        }
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
