using System.Runtime.CompilerServices;
using V = System.Runtime.Intrinsics.Vector256<double>;

namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>FFT lane of four complex lines at once: element k of each vector belongs to line k (<see cref="FftBatch4"/>).</summary>
internal readonly struct Vector256Lane : IFftLane<V>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Add(V a, V b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Sub(V a, V b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Mul(V a, double c) => a * c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Neg(V a) => -a;
}
