namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>FFT-friendly lengths: products of 2, 3 and 5 only (the radices <see cref="FftPlan"/> implements).</summary>
public static class FftSizes
{
    /// <summary>The smallest n' >= n of the form 2^a 3^b 5^c, optionally even.</summary>
    public static int NextFast(int n, bool even = false)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "Length must be positive.");
        for (var candidate = n; ; candidate++)
        {
            if (even && candidate % 2 != 0) continue;
            if (IsFast(candidate)) return candidate;
        }
    }

    public static bool IsFast(int n)
    {
        foreach (var p in (ReadOnlySpan<int>)[2, 3, 5])
            while (n % p == 0) n /= p;
        return n == 1;
    }
}
