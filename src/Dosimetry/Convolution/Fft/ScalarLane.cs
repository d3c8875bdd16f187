using System.Runtime.CompilerServices;

namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>FFT lane of one complex line: plain doubles (<see cref="FftPlan"/>).</summary>
internal readonly struct ScalarLane : IFftLane<double>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Add(double a, double b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sub(double a, double b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Mul(double a, double c) => a * c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Neg(double a) => -a;
}
