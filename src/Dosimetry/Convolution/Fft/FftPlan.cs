namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>
/// A 1-D complex FFT of one length n = 2^a 3^b 5^c: self-sorting Stockham decimation in frequency with radix 4,
/// 2, 3 and 5 stages and precomputed twiddles. Data are split real/imaginary arrays. A plan is immutable and
/// shared between threads; each thread brings its own work buffers (<see cref="CreateWork"/>). The stages
/// themselves are <see cref="StockhamStages"/>, shared with the four-line <see cref="FftBatch4"/>.
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
    public void Forward(FftWork work) =>
        StockhamStages.Forward<double, ScalarLane>(this, work.Re, work.Im, work.ScratchRe, work.ScratchIm);

    /// <summary>Inverse transform (e^{+2πi jk/n}, unscaled: divide by n yourself) of work.Re/work.Im in place.</summary>
    public void Inverse(FftWork work) =>
        StockhamStages.Inverse<double, ScalarLane>(this, work.Re, work.Im, work.ScratchRe, work.ScratchIm);
}
