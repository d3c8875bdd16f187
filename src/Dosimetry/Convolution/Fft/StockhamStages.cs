using System.Runtime.CompilerServices;

namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>
/// The one copy of the FFT arithmetic: self-sorting Stockham decimation-in-frequency stages of radix 4, 2, 3 and 5
/// on split real/imaginary arrays, generic over the element <typeparamref name="T"/> through a lane struct
/// <typeparamref name="TLane"/> (scalar lines for <see cref="FftPlan"/>, four lines per 256-bit vector for
/// <see cref="FftBatch4"/>). The JIT specialises each instantiation, so there is no abstraction cost.
/// </summary>
internal static class StockhamStages
{
    /// <summary>Forward transform (unscaled) of re/im in place with the plan's radices and twiddles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T, TLane>(FftPlan plan, T[] re, T[] im, T[] scratchRe, T[] scratchIm)
        where T : struct where TLane : struct, IFftLane<T>
    {
        T[] xr = re, xi = im, yr = scratchRe, yi = scratchIm;
        int length = plan.Length, n = length, s = 1;
        var radices = plan.Radices;
        for (var stage = 0; stage < radices.Length; stage++)
        {
            var r = radices[stage];
            var m = n / r;
            var tr = plan.TwiddleRe[stage];
            var ti = plan.TwiddleIm[stage];
            switch (r)
            {
                case 4: Radix4<T, TLane>(xr, xi, yr, yi, m, s, tr, ti); break;
                case 2: Radix2<T, TLane>(xr, xi, yr, yi, m, s, tr, ti); break;
                case 3: Radix3<T, TLane>(xr, xi, yr, yi, m, s, tr, ti); break;
                default: Radix5<T, TLane>(xr, xi, yr, yi, m, s, tr, ti); break;
            }
            (xr, yr) = (yr, xr);
            (xi, yi) = (yi, xi);
            n = m;
            s *= r;
        }
        if (!ReferenceEquals(xr, re))
        {
            Array.Copy(xr, re, length);
            Array.Copy(xi, im, length);
        }
    }

    /// <summary>Inverse transform (e^{+2πi jk/n}, unscaled) as conjugate, forward, conjugate.</summary>
    public static void Inverse<T, TLane>(FftPlan plan, T[] re, T[] im, T[] scratchRe, T[] scratchIm)
        where T : struct where TLane : struct, IFftLane<T>
    {
        var length = plan.Length;
        for (var i = 0; i < length; i++) im[i] = TLane.Neg(im[i]);
        Forward<T, TLane>(plan, re, im, scratchRe, scratchIm);
        for (var i = 0; i < length; i++) im[i] = TLane.Neg(im[i]);
    }

    // Stage of the Stockham DIF recursion: inputs x[q + s (p + t m)], outputs y[q + s (r p + u)] = w^{p u} Σ_t a_t ω_r^{t u}.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix2<T, TLane>(T[] xr, T[] xi, T[] yr, T[] yi, int m, int s, double[] tr, double[] ti)
        where T : struct where TLane : struct, IFftLane<T>
    {
        for (var p = 0; p < m; p++)
        {
            double wr = tr[p], wi = ti[p];
            for (var q = 0; q < s; q++)
            {
                int i0 = q + s * p, i1 = i0 + s * m;
                T ar = xr[i0], ai = xi[i0], br = xr[i1], bi = xi[i1];
                int o = q + s * 2 * p;
                yr[o] = TLane.Add(ar, br); yi[o] = TLane.Add(ai, bi);
                Store<T, TLane>(yr, yi, o + s, TLane.Sub(ar, br), TLane.Sub(ai, bi), wr, wi);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix4<T, TLane>(T[] xr, T[] xi, T[] yr, T[] yi, int m, int s, double[] tr, double[] ti)
        where T : struct where TLane : struct, IFftLane<T>
    {
        var sm = s * m;
        for (var p = 0; p < m; p++)
        {
            double w1r = tr[3 * p], w1i = ti[3 * p], w2r = tr[3 * p + 1], w2i = ti[3 * p + 1], w3r = tr[3 * p + 2], w3i = ti[3 * p + 2];
            for (var q = 0; q < s; q++)
            {
                var i0 = q + s * p;
                T a0r = xr[i0], a0i = xi[i0], a1r = xr[i0 + sm], a1i = xi[i0 + sm];
                T a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm], a3r = xr[i0 + 3 * sm], a3i = xi[i0 + 3 * sm];
                T s02r = TLane.Add(a0r, a2r), s02i = TLane.Add(a0i, a2i), d02r = TLane.Sub(a0r, a2r), d02i = TLane.Sub(a0i, a2i);
                T s13r = TLane.Add(a1r, a3r), s13i = TLane.Add(a1i, a3i), d13r = TLane.Sub(a1r, a3r), d13i = TLane.Sub(a1i, a3i);
                // ω4 = -i: b1 = d02 - i d13, b3 = d02 + i d13.
                var o = q + s * 4 * p;
                yr[o] = TLane.Add(s02r, s13r); yi[o] = TLane.Add(s02i, s13i);
                Store<T, TLane>(yr, yi, o + s, TLane.Add(d02r, d13i), TLane.Sub(d02i, d13r), w1r, w1i);
                Store<T, TLane>(yr, yi, o + 2 * s, TLane.Sub(s02r, s13r), TLane.Sub(s02i, s13i), w2r, w2i);
                Store<T, TLane>(yr, yi, o + 3 * s, TLane.Sub(d02r, d13i), TLane.Add(d02i, d13r), w3r, w3i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix3<T, TLane>(T[] xr, T[] xi, T[] yr, T[] yi, int m, int s, double[] tr, double[] ti)
        where T : struct where TLane : struct, IFftLane<T>
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
                T a0r = xr[i0], a0i = xi[i0], a1r = xr[i0 + sm], a1i = xi[i0 + sm], a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm];
                T sr = TLane.Add(a1r, a2r), si = TLane.Add(a1i, a2i), dr = TLane.Sub(a1r, a2r), di = TLane.Sub(a1i, a2i);
                T mr = TLane.Add(a0r, TLane.Mul(sr, c1)), mi = TLane.Add(a0i, TLane.Mul(si, c1));
                T c2dr = TLane.Mul(dr, c2), c2di = TLane.Mul(di, c2);
                // b1 = m + i c2 d, b2 = m - i c2 d
                var o = q + s * 3 * p;
                yr[o] = TLane.Add(a0r, sr); yi[o] = TLane.Add(a0i, si);
                Store<T, TLane>(yr, yi, o + s, TLane.Sub(mr, c2di), TLane.Add(mi, c2dr), w1r, w1i);
                Store<T, TLane>(yr, yi, o + 2 * s, TLane.Add(mr, c2di), TLane.Sub(mi, c2dr), w2r, w2i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix5<T, TLane>(T[] xr, T[] xi, T[] yr, T[] yi, int m, int s, double[] tr, double[] ti)
        where T : struct where TLane : struct, IFftLane<T>
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
                T a0r = xr[i0], a0i = xi[i0];
                T a1r = xr[i0 + sm], a1i = xi[i0 + sm], a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm];
                T a3r = xr[i0 + 3 * sm], a3i = xi[i0 + 3 * sm], a4r = xr[i0 + 4 * sm], a4i = xi[i0 + 4 * sm];
                T s14r = TLane.Add(a1r, a4r), s14i = TLane.Add(a1i, a4i), d14r = TLane.Sub(a1r, a4r), d14i = TLane.Sub(a1i, a4i);
                T s23r = TLane.Add(a2r, a3r), s23i = TLane.Add(a2i, a3i), d23r = TLane.Sub(a2r, a3r), d23i = TLane.Sub(a2i, a3i);
                T b0r = TLane.Add(TLane.Add(a0r, s14r), s23r), b0i = TLane.Add(TLane.Add(a0i, s14i), s23i);
                T m1r = TLane.Add(TLane.Add(a0r, TLane.Mul(s14r, c1)), TLane.Mul(s23r, c2));
                T m1i = TLane.Add(TLane.Add(a0i, TLane.Mul(s14i, c1)), TLane.Mul(s23i, c2));
                T m2r = TLane.Add(TLane.Add(a0r, TLane.Mul(s14r, c2)), TLane.Mul(s23r, c1));
                T m2i = TLane.Add(TLane.Add(a0i, TLane.Mul(s14i, c2)), TLane.Mul(s23i, c1));
                // i (s1 d14 + s2 d23) and i (s2 d14 - s1 d23)
                T n1r = TLane.Neg(TLane.Add(TLane.Mul(d14i, s1), TLane.Mul(d23i, s2))), n1i = TLane.Add(TLane.Mul(d14r, s1), TLane.Mul(d23r, s2));
                T n2r = TLane.Neg(TLane.Sub(TLane.Mul(d14i, s2), TLane.Mul(d23i, s1))), n2i = TLane.Sub(TLane.Mul(d14r, s2), TLane.Mul(d23r, s1));
                var o = q + s * 5 * p;
                yr[o] = b0r; yi[o] = b0i;
                Store<T, TLane>(yr, yi, o + s, TLane.Add(m1r, n1r), TLane.Add(m1i, n1i), tr[t], ti[t]);
                Store<T, TLane>(yr, yi, o + 2 * s, TLane.Add(m2r, n2r), TLane.Add(m2i, n2i), tr[t + 1], ti[t + 1]);
                Store<T, TLane>(yr, yi, o + 3 * s, TLane.Sub(m2r, n2r), TLane.Sub(m2i, n2i), tr[t + 2], ti[t + 2]);
                Store<T, TLane>(yr, yi, o + 4 * s, TLane.Sub(m1r, n1r), TLane.Sub(m1i, n1i), tr[t + 3], ti[t + 3]);
            }
        }
    }

    /// <summary>y[o] = b · w (complex product with a twiddle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T, TLane>(T[] yr, T[] yi, int o, T br, T bi, double wr, double wi)
        where T : struct where TLane : struct, IFftLane<T>
    {
        yr[o] = TLane.Sub(TLane.Mul(br, wr), TLane.Mul(bi, wi));
        yi[o] = TLane.Add(TLane.Mul(br, wi), TLane.Mul(bi, wr));
    }
}
