namespace VoxDose.Statistics.Tests.Oracle;

/// <summary>The agreement the issue asks for: relative 1e-6 for estimates, absolute 1e-6 for P values.</summary>
internal static class Agree
{
    public const double Relative = 1e-6;
    public const double PAbsolute = 1e-6;

    public static void Close(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: R {expected}, ours {actual}");
            return;
        }
        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            Assert.True(expected == actual, $"{what}: R {expected}, ours {actual}");
            return;
        }
        var tolerance = Relative * Math.Max(Math.Abs(expected), Math.Abs(actual)) + 1e-12;
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what}: R {expected:R}, ours {actual:R} (difference {Math.Abs(expected - actual):E3}, allowed {tolerance:E3})");
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: R has {expected.Count} values, ours {actual.Count}");
        for (var i = 0; i < expected.Count; i++) Close(expected[i], actual[i], $"{what}[{i}]");
    }

    public static void P(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: R {expected}, ours {actual}");
            return;
        }
        Assert.True(Math.Abs(expected - actual) <= PAbsolute, $"{what}: R P = {expected:R}, ours {actual:R}");
    }
}
