using System.Runtime.CompilerServices;
namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>
/// A 1-D complex FFT of one length n = 2^a 3^b 5^c: self-sorting Stockham decimation in frequency with radix 4,
/// 2, 3 and 5 stages and precomputed twiddles. Data are split real/imaginary arrays. A plan is immutable and
/// shared between threads; each thread brings its own work buffers (<see cref="CreateWork"/>).
/// </summary>
public sealed class FftPlan
{
    private readonly int[] _radices;
    private readonly double[][] _twiddleRe; // per stage: [p * (r - 1) + (u - 1)] = cos(-2π p u / len)
    private readonly double[][] _twiddleIm;

    public FftPlan(int length)
    {
        if (length < 1 || !FftSizes.IsFast(length))
            throw new ArgumentOutOfRangeException(nameof(length), $"FFT length {length} is not a product of 2, 3 and 5.");
        Length = length;
        var radices = new List<int>();
        var rest = length;
        while (rest % 4 == 0) { radices.Add(4); rest /= 4; }
        while (rest % 2 == 0) { radices.Add(2); rest /= 2; }
        while (rest % 3 == 0) { radices.Add(3); rest /= 3; }
        while (rest % 5 == 0) { radices.Add(5); rest /= 5; }
        _radices = [.. radices];
        _twiddleRe = new double[_radices.Length][];
        _twiddleIm = new double[_radices.Length][];
        var n = length;
        for (var s = 0; s < _radices.Length; s++)
        {
            var r = _radices[s];
            var m = n / r;
            var re = new double[m * (r - 1)];
            var im = new double[m * (r - 1)];
            for (var p = 0; p < m; p++)
                for (var u = 1; u < r; u++)
                {
                    var angle = -2.0 * Math.PI * p * u / n;
                    re[p * (r - 1) + u - 1] = Math.Cos(angle);
                    im[p * (r - 1) + u - 1] = Math.Sin(angle);
                }
            _twiddleRe[s] = re;
            _twiddleIm[s] = im;
            n = m;
        }
    }

    public int Length { get; }

    internal int[] Radices => _radices;
    internal double[][] TwiddleRe => _twiddleRe;
    internal double[][] TwiddleIm => _twiddleIm;

    /// <summary>Work buffers for one thread: data (re, im) and scratch (re, im).</summary>
    public FftWork CreateWork() => new(Length);

    /// <summary>Forward transform (e^{-2πi jk/n}, unscaled) of work.Re/work.Im in place.</summary>
    public void Forward(FftWork work) => Run(work);

    /// <summary>Inverse transform (e^{+2πi jk/n}, unscaled: divide by n yourself) of work.Re/work.Im in place.</summary>
    public void Inverse(FftWork work)
    {
        var im = work.Im;
        for (var i = 0; i < Length; i++) im[i] = -im[i];
        Run(work);
        for (var i = 0; i < Length; i++) im[i] = -im[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(FftWork work)
    {
        double[] xr = work.Re, xi = work.Im, yr = work.ScratchRe, yi = work.ScratchIm;
        int n = Length, s = 1;
        for (var stage = 0; stage < _radices.Length; stage++)
        {
            var r = _radices[stage];
            var m = n / r;
            var tr = _twiddleRe[stage];
            var ti = _twiddleIm[stage];
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
        if (!ReferenceEquals(xr, work.Re))
        {
            Array.Copy(xr, work.Re, Length);
            Array.Copy(xi, work.Im, Length);
        }
    }

    // Stage of the Stockham DIF recursion: inputs x[q + s (p + t m)], outputs y[q + s (r p + u)] = w^{p u} Σ_t a_t ω_r^{t u}.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix2(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, double[] tr, double[] ti)
    {
        for (var p = 0; p < m; p++)
        {
            double wr = tr[p], wi = ti[p];
            for (var q = 0; q < s; q++)
            {
                int i0 = q + s * p, i1 = i0 + s * m;
                double ar = xr[i0], ai = xi[i0], br = xr[i1], bi = xi[i1];
                int o = q + s * 2 * p;
                yr[o] = ar + br; yi[o] = ai + bi;
                double dr = ar - br, di = ai - bi;
                yr[o + s] = dr * wr - di * wi; yi[o + s] = dr * wi + di * wr;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix4(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, double[] tr, double[] ti)
    {
        var sm = s * m;
        for (var p = 0; p < m; p++)
        {
            double w1r = tr[3 * p], w1i = ti[3 * p], w2r = tr[3 * p + 1], w2i = ti[3 * p + 1], w3r = tr[3 * p + 2], w3i = ti[3 * p + 2];
            for (var q = 0; q < s; q++)
            {
                var i0 = q + s * p;
                double a0r = xr[i0], a0i = xi[i0], a1r = xr[i0 + sm], a1i = xi[i0 + sm];
                double a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm], a3r = xr[i0 + 3 * sm], a3i = xi[i0 + 3 * sm];
                double s02r = a0r + a2r, s02i = a0i + a2i, d02r = a0r - a2r, d02i = a0i - a2i;
                double s13r = a1r + a3r, s13i = a1i + a3i, d13r = a1r - a3r, d13i = a1i - a3i;
                // ω4 = -i: b1 = d02 - i d13, b3 = d02 + i d13.
                double b0r = s02r + s13r, b0i = s02i + s13i;
                double b2r = s02r - s13r, b2i = s02i - s13i;
                double b1r = d02r + d13i, b1i = d02i - d13r;
                double b3r = d02r - d13i, b3i = d02i + d13r;
                var o = q + s * 4 * p;
                yr[o] = b0r; yi[o] = b0i;
                yr[o + s] = b1r * w1r - b1i * w1i; yi[o + s] = b1r * w1i + b1i * w1r;
                yr[o + 2 * s] = b2r * w2r - b2i * w2i; yi[o + 2 * s] = b2r * w2i + b2i * w2r;
                yr[o + 3 * s] = b3r * w3r - b3i * w3i; yi[o + 3 * s] = b3r * w3i + b3i * w3r;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix3(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, double[] tr, double[] ti)
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
                double a0r = xr[i0], a0i = xi[i0], a1r = xr[i0 + sm], a1i = xi[i0 + sm], a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm];
                double sr = a1r + a2r, si = a1i + a2i, dr = a1r - a2r, di = a1i - a2i;
                double b0r = a0r + sr, b0i = a0i + si;
                double mr = a0r + c1 * sr, mi = a0i + c1 * si;
                // b1 = m + i c2 d, b2 = m - i c2 d
                double b1r = mr - c2 * di, b1i = mi + c2 * dr;
                double b2r = mr + c2 * di, b2i = mi - c2 * dr;
                var o = q + s * 3 * p;
                yr[o] = b0r; yi[o] = b0i;
                yr[o + s] = b1r * w1r - b1i * w1i; yi[o + s] = b1r * w1i + b1i * w1r;
                yr[o + 2 * s] = b2r * w2r - b2i * w2i; yi[o + 2 * s] = b2r * w2i + b2i * w2r;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Radix5(double[] xr, double[] xi, double[] yr, double[] yi, int m, int s, double[] tr, double[] ti)
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
                double a0r = xr[i0], a0i = xi[i0];
                double a1r = xr[i0 + sm], a1i = xi[i0 + sm], a2r = xr[i0 + 2 * sm], a2i = xi[i0 + 2 * sm];
                double a3r = xr[i0 + 3 * sm], a3i = xi[i0 + 3 * sm], a4r = xr[i0 + 4 * sm], a4i = xi[i0 + 4 * sm];
                double s14r = a1r + a4r, s14i = a1i + a4i, d14r = a1r - a4r, d14i = a1i - a4i;
                double s23r = a2r + a3r, s23i = a2i + a3i, d23r = a2r - a3r, d23i = a2i - a3i;
                double b0r = a0r + s14r + s23r, b0i = a0i + s14i + s23i;
                double m1r = a0r + c1 * s14r + c2 * s23r, m1i = a0i + c1 * s14i + c2 * s23i;
                double m2r = a0r + c2 * s14r + c1 * s23r, m2i = a0i + c2 * s14i + c1 * s23i;
                // i (s1 d14 + s2 d23) and i (s2 d14 - s1 d23)
                double n1r = -(s1 * d14i + s2 * d23i), n1i = s1 * d14r + s2 * d23r;
                double n2r = -(s2 * d14i - s1 * d23i), n2i = s2 * d14r - s1 * d23r;
                double b1r = m1r + n1r, b1i = m1i + n1i, b4r = m1r - n1r, b4i = m1i - n1i;
                double b2r = m2r + n2r, b2i = m2i + n2i, b3r = m2r - n2r, b3i = m2i - n2i;
                var o = q + s * 5 * p;
                yr[o] = b0r; yi[o] = b0i;
                Store(yr, yi, o + s, b1r, b1i, tr[t], ti[t]);
                Store(yr, yi, o + 2 * s, b2r, b2i, tr[t + 1], ti[t + 1]);
                Store(yr, yi, o + 3 * s, b3r, b3i, tr[t + 2], ti[t + 2]);
                Store(yr, yi, o + 4 * s, b4r, b4i, tr[t + 3], ti[t + 3]);
            }
        }
    }

    private static void Store(double[] yr, double[] yi, int o, double br, double bi, double wr, double wi)
    {
        yr[o] = br * wr - bi * wi;
        yi[o] = br * wi + bi * wr;
    }
}
