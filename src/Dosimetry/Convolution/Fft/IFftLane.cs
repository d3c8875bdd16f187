namespace VoxDose.Dosimetry.Convolution.Fft;

/// <summary>
/// The arithmetic the FFT butterflies need on one element type <typeparamref name="T"/>: a scalar double
/// (<see cref="ScalarLane"/>) or four lines at once in a 256-bit vector (<see cref="Vector256Lane"/>). Implemented
/// by structs, so every generic method over a lane is specialised and inlined by the JIT (no interface calls).
/// </summary>
internal interface IFftLane<T> where T : struct
{
    static abstract T Add(T a, T b);
    static abstract T Sub(T a, T b);
    static abstract T Mul(T a, double c);
    static abstract T Neg(T a);
}
