using System.Runtime.CompilerServices;
using V = System.Runtime.Intrinsics.Vector256<double>;

namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>
/// Four FFTs of one length at once: each element is a <see cref="V"/> holding the same index of four lines, so the
/// butterflies of <see cref="FftPlan"/> run on 256-bit vectors. Same algorithm and twiddles as the plan it wraps.
/// </summary>
public sealed class FftBatch4
{
    private readonly FftPlan _plan;

    public FftBatch4(FftPlan plan) => _plan = plan;

    public int Length => _plan.Length;

    /// <summary>Work buffers for one thread: four interleaved lines (re, im) and scratch.</summary>
    public (V[] Re, V[] Im, V[] ScratchRe, V[] ScratchIm) CreateWork() => (new V[Length], new V[Length], new V[Length], new V[Length]);

    /// <summary>Forward transforms of the four lines in re/im (unscaled).</summary>
    public void Forward(V[] re, V[] im, V[] scratchRe, V[] scratchIm) => Run(re, im, scratchRe, scratchIm);

    /// <summary>Inverse transforms (unscaled: divide by n yourself).</summary>
    public void Inverse(V[] re, V[] im, V[] scratchRe, V[] scratchIm)
    {
        for (var i = 0; i < Length; i++) im[i] = -im[i];
        Run(re, im, scratchRe, scratchIm);
        for (var i = 0; i < Length; i++) im[i] = -im[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(V[] re, V[] im, V[] scratchRe, V[] scratchIm)
    {
        V[] xr = re, xi = im, yr = scratchRe, yi = scratchIm;
        int n = Length, s = 1;
        for (var stage = 0; stage < _plan.Radices.Length; stage++)
        {
            var r = _plan.Radices[stage];
            var m = n / r;
            var tr = _plan.TwiddleRe[stage];
            var ti = _plan.TwiddleIm[stage];
            switch (r)
            {
                case 4: Radix4(xr, xi, yr, yi, m, s, tr, ti); break;
                case 2: Radix2(xr, xi, yr, yi, m, s, tr, ti); break;
                case 3: Radix3(xr, xi, yr, yi, m, s, tr, ti); break;
                default: Radix5(xr, xi, yr, yi, m, s, tr, ti); break;
            }
            (xr, yr) = (yr, xr);
            (xi, yi) = (yi, xi);
            n = m;
            s *= r;
        }
        if (!ReferenceEquals(xr, re))
        {
            Array.Copy(xr, re, Length);
            Array.Copy(xi, im, Length);
        }
    }

    // Stage of the Stockham DIF recursion: inputs x[q + s (p + t m)], outputs y[q + s (r p + u)] = w^{p u} Σ_t a_t ω_r^{t u}.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix2(V[] xr, V[] xi, V[] yr, V[] yi, int m, int s, double[] tr, double[] ti)
    {
        for (var p = 0; p < m; p++)
        {
            double wr = tr[p], wi = ti[p];
            for (var q = 0; q < s; q++)
            {
                int i0 = q + s * p, i1 = i0 + s * m;
                V ar = xr[i0], ai = xi[i0], br = xr[i1], bi = xi[i1];
                int o = q + s * 2 * p;
                yr[o] = ar + br; yi[o] = ai + bi;
                V dr = ar - br, di = ai - bi;
                yr[o + s] = dr * wr - di * wi; yi[o + s] = dr * wi + di * wr;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix4(V[] xr, V[] xi, V[] yr, V[] yi, int m, int s, double[] tr, double[] ti)
    {
        var sm = s * m;
        for (var p = 0; p < m; p++)
        {
            double w1r = tr[3 * p], w1i = ti[3 * p], w2r = tr[3 * p + 1], w2i = ti[3 * p + 1], w3r = tr[3 * p + 2], w3i = ti[3 * p + 2];
            for (var q = 0; q < s; q++)
            {
                var i0 = q + s * p;
                V a0r = xr[i0], a0i = xi[i0], a1r = xr[i0 + sm], a1i = xi[i0 + sm];
                V a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm], a3r = xr[i0 + 3 * sm], a3i = xi[i0 + 3 * sm];
                V s02r = a0r + a2r, s02i = a0i + a2i, d02r = a0r - a2r, d02i = a0i - a2i;
                V s13r = a1r + a3r, s13i = a1i + a3i, d13r = a1r - a3r, d13i = a1i - a3i;
                // ω4 = -i: b1 = d02 - i d13, b3 = d02 + i d13.
                V b0r = s02r + s13r, b0i = s02i + s13i;
                V b2r = s02r - s13r, b2i = s02i - s13i;
                V b1r = d02r + d13i, b1i = d02i - d13r;
                V b3r = d02r - d13i, b3i = d02i + d13r;
                var o = q + s * 4 * p;
                yr[o] = b0r; yi[o] = b0i;
                yr[o + s] = b1r * w1r - b1i * w1i; yi[o + s] = b1r * w1i + b1i * w1r;
                yr[o + 2 * s] = b2r * w2r - b2i * w2i; yi[o + 2 * s] = b2r * w2i + b2i * w2r;
                yr[o + 3 * s] = b3r * w3r - b3i * w3i; yi[o + 3 * s] = b3r * w3i + b3i * w3r;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix3(V[] xr, V[] xi, V[] yr, V[] yi, int m, int s, double[] tr, double[] ti)
    {
        const double c1 = -0.5;
        var c2 = -Math.Sqrt(3.0) / 2.0; // sin(-2π/3)
        var sm = s * m;
        for (var p = 0; p < m; p++)
        {
            double w1r = tr[2 * p], w1i = ti[2 * p], w2r = tr[2 * p + 1], w2i = ti[2 * p + 1];
            for (var q = 0; q < s; q++)
            {
                var i0 = q + s * p;
                V a0r = xr[i0], a0i = xi[i0], a1r = xr[i0 + sm], a1i = xi[i0 + sm], a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm];
                V sr = a1r + a2r, si = a1i + a2i, dr = a1r - a2r, di = a1i - a2i;
                V b0r = a0r + sr, b0i = a0i + si;
                V mr = a0r + c1 * sr, mi = a0i + c1 * si;
                // b1 = m + i c2 d, b2 = m - i c2 d
                V b1r = mr - c2 * di, b1i = mi + c2 * dr;
                V b2r = mr + c2 * di, b2i = mi - c2 * dr;
                var o = q + s * 3 * p;
                yr[o] = b0r; yi[o] = b0i;
                yr[o + s] = b1r * w1r - b1i * w1i; yi[o + s] = b1r * w1i + b1i * w1r;
                yr[o + 2 * s] = b2r * w2r - b2i * w2i; yi[o + 2 * s] = b2r * w2i + b2i * w2r;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix5(V[] xr, V[] xi, V[] yr, V[] yi, int m, int s, double[] tr, double[] ti)
    {
        double c1 = Math.Cos(2 * Math.PI / 5), c2 = Math.Cos(4 * Math.PI / 5);
        double s1 = -Math.Sin(2 * Math.PI / 5), s2 = -Math.Sin(4 * Math.PI / 5);
        var sm = s * m;
        for (var p = 0; p < m; p++)
        {
            var t = 4 * p;
            for (var q = 0; q < s; q++)
            {
                var i0 = q + s * p;
                V a0r = xr[i0], a0i = xi[i0];
                V a1r = xr[i0 + sm], a1i = xi[i0 + sm], a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm];
                V a3r = xr[i0 + 3 * sm], a3i = xi[i0 + 3 * sm], a4r = xr[i0 + 4 * sm], a4i = xi[i0 + 4 * sm];
                V s14r = a1r + a4r, s14i = a1i + a4i, d14r = a1r - a4r, d14i = a1i - a4i;
                V s23r = a2r + a3r, s23i = a2i + a3i, d23r = a2r - a3r, d23i = a2i - a3i;
                V b0r = a0r + s14r + s23r, b0i = a0i + s14i + s23i;
                V m1r = a0r + c1 * s14r + c2 * s23r, m1i = a0i + c1 * s14i + c2 * s23i;
                V m2r = a0r + c2 * s14r + c1 * s23r, m2i = a0i + c2 * s14i + c1 * s23i;
                // i (s1 d14 + s2 d23) and i (s2 d14 - s1 d23)
                V n1r = -(s1 * d14i + s2 * d23i), n1i = s1 * d14r + s2 * d23r;
                V n2r = -(s2 * d14i - s1 * d23i), n2i = s2 * d14r - s1 * d23r;
                V b1r = m1r + n1r, b1i = m1i + n1i, b4r = m1r - n1r, b4i = m1i - n1i;
                V b2r = m2r + n2r, b2i = m2i + n2i, b3r = m2r - n2r, b3i = m2i - n2i;
                var o = q + s * 5 * p;
                yr[o] = b0r; yi[o] = b0i;
                Store(yr, yi, o + s, b1r, b1i, tr[t], ti[t]);
                Store(yr, yi, o + 2 * s, b2r, b2i, tr[t + 1], ti[t + 1]);
                Store(yr, yi, o + 3 * s, b3r, b3i, tr[t + 2], ti[t + 2]);
                Store(yr, yi, o + 4 * s, b4r, b4i, tr[t + 3], ti[t + 3]);
            }
        }
    }

    private static void Store(V[] yr, V[] yi, int o, V br, V bi, double wr, double wi)
    {
        yr[o] = br * wr - bi * wi;
        yi[o] = br * wi + bi * wr;
    }
}
