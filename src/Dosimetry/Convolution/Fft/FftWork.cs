namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>One thread's buffers for an <see cref="FftPlan"/>: the line being transformed and a scratch line.</summary>
public sealed class FftWork(int length)
{
    public double[] Re { get; } = new double[length];
    public double[] Im { get; } = new double[length];
    internal double[] ScratchRe { get; } = new double[length];
    internal double[] ScratchIm { get; } = new double[length];
}
