using V = System.Runtime.Intrinsics.Vector256<double>;

namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>
/// Four FFTs of one length at once: each element is a <see cref="V"/> holding the same index of four lines, so the
/// butterflies of <see cref="StockhamStages"/> run on 256-bit vectors (<see cref="Vector256Lane"/>). Same algorithm and twiddles as the plan it wraps.
/// </summary>
public sealed class FftBatch4
{
    private readonly FftPlan _plan;

    public FftBatch4(FftPlan plan) => _plan = plan;

    public int Length => _plan.Length;

    /// <summary>Work buffers for one thread: four interleaved lines (re, im) and scratch.</summary>
    public (V[] Re, V[] Im, V[] ScratchRe, V[] ScratchIm) CreateWork() => (new V[Length], new V[Length], new V[Length], new V[Length]);

    /// <summary>Forward transforms of the four lines in re/im (unscaled).</summary>
    public void Forward(V[] re, V[] im, V[] scratchRe, V[] scratchIm) =>
        StockhamStages.Forward<V, Vector256Lane>(_plan, re, im, scratchRe, scratchIm);

    /// <summary>Inverse transforms (unscaled: divide by n yourself).</summary>
    public void Inverse(V[] re, V[] im, V[] scratchRe, V[] scratchIm) =>
        StockhamStages.Inverse<V, Vector256Lane>(_plan, re, im, scratchRe, scratchIm);
}
