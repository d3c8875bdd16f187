using System.Globalization;
using System.Reflection;

namespace VoxDose.Dosimetry.Kernels;

/// <summary>
/// The Y-90 beta dose point kernel in water as energy deposited per decay in concentric shells
/// (Graves et al., Med Phys 2019, ICRP-107 spectrum; 0.1 mm shells to 1.2 cm). The data file is embedded
/// with its source header: <c>Kernels/Data/y90-dpk-graves2019.csv</c>.
/// </summary>
public sealed class PointKernel
{
    private const string ResourceName = "VoxDose.Dosimetry.Kernels.Data.y90-dpk-graves2019.csv";

    private static readonly Lazy<PointKernel> Graves = new(() => Parse(OpenResource(), "Graves et al. 2019 (Zenodo 2564036), Y-90 ICRP-107 beta DPK in water"));

    private PointKernel(double[] outerRadiusMm, double[] shellEnergyMeV, string source)
    {
        OuterRadiusWaterMm = outerRadiusMm;
        ShellEnergyMeV = shellEnergyMeV;
        Source = source;
        TotalEnergyMeV = shellEnergyMeV.Sum();
    }

    /// <summary>The embedded Graves 2019 Y-90 kernel.</summary>
    public static PointKernel Y90Graves2019 => Graves.Value;

    /// <summary>Outer radius of each shell in water (density 1 g/cm3), mm. Shell n spans (r[n-1], r[n]], r[-1] = 0.</summary>
    public IReadOnlyList<double> OuterRadiusWaterMm { get; }

    /// <summary>Energy deposited in each shell per decay, MeV.</summary>
    public IReadOnlyList<double> ShellEnergyMeV { get; }

    /// <summary>Energy per decay held by the table (MeV): 0.9299 for Graves 2019 to 1.2 cm (the remaining 0.4 % of 0.9336 MeV is bremsstrahlung beyond).</summary>
    public double TotalEnergyMeV { get; }

    public string Source { get; }

    /// <summary>Outermost radius reached in a medium (mm): the water range divided by the range-scaling density (g/cm3).</summary>
    public double MaxRadiusMm(double rangeDensityGPerCm3) => OuterRadiusWaterMm[^1] / rangeDensityGPerCm3;

    internal static PointKernel Parse(TextReader reader, string source)
    {
        var radii = new List<double>();
        var energies = new List<double>();
        string? line;
        var lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#') || char.IsLetter(line[0])) continue;
            var parts = line.Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var radiusCm)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var energyMeV))
                throw new FormatException($"Point kernel line {lineNumber}: expected 'outer_radius_cm,energy_mev', got '{line}'.");
            if (radii.Count > 0 && radiusCm * 10.0 <= radii[^1])
                throw new FormatException($"Point kernel line {lineNumber}: radii must increase.");
            radii.Add(radiusCm * 10.0);
            energies.Add(energyMeV);
        }
        if (radii.Count == 0) throw new FormatException("Point kernel table is empty.");
        return new PointKernel([.. radii], [.. energies], source);
    }

    private static StreamReader OpenResource()
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        return new StreamReader(stream);
    }
}
