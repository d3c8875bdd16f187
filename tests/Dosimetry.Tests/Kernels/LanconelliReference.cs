using System.Globalization;
using VoxDose.Tests.Shared;

namespace VoxDose.Dosimetry.Tests.Kernels;

/// <summary>Reads a Lanconelli 2012 soft-tissue VSV octant file (i j k S, tab separated, two header lines).</summary>
internal static class LanconelliReference
{
    public static Dictionary<(int I, int J, int K), double> Read(string fileName)
    {
        var path = Path.Combine(TestPaths.SharedReference, "y90-vsv-lanconelli2012", fileName);
        var values = new Dictionary<(int, int, int), double>();
        foreach (var line in File.ReadLines(path).Skip(2))
        {
            var parts = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4) continue;
            values[(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture))] = double.Parse(parts[3], CultureInfo.InvariantCulture);
        }
        return values;
    }
}
