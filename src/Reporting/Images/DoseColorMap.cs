namespace VoxDose.Reporting.Images;

/// <summary>
/// The colour scale of the dose wash and its colour bar: a perceptually ordered blue - cyan - green - yellow - red
/// ramp ("jet" without the dark ends, so low doses stay visible over the grey PET). One map for every image.
/// </summary>
public static class DoseColorMap
{
    private static readonly (double At, byte R, byte G, byte B)[] Stops =
    [
        (0.00, 40, 40, 255),
        (0.25, 0, 200, 255),
        (0.50, 40, 220, 40),
        (0.75, 255, 230, 0),
        (1.00, 230, 20, 20),
    ];

    /// <summary>The colour of a fraction 0..1 of the scale (values outside are clamped).</summary>
    public static (byte R, byte G, byte B) At(double fraction)
    {
        if (double.IsNaN(fraction)) fraction = 0;
        fraction = Math.Clamp(fraction, 0, 1);
        for (var i = 1; i < Stops.Length; i++)
        {
            if (fraction > Stops[i].At) continue;
            var (a, b) = (Stops[i - 1], Stops[i]);
            var t = (fraction - a.At) / (b.At - a.At);
            return (Lerp(a.R, b.R, t), Lerp(a.G, b.G, t), Lerp(a.B, b.B, t));
        }
        var last = Stops[^1];
        return (last.R, last.G, last.B);
    }

    private static byte Lerp(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t);
}
