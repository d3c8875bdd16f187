using System.CommandLine;
using System.Globalization;
using VoxDose.Dosimetry.Kernels;
using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// The <c>kernel</c> verb: prints the Y-90 voxel S-value kernel's octant for a spacing, as lines <c>i j k S</c>
/// with S in mGy/(MBq s) (the layout of the Lanconelli 2012 files), so a physicist can check it.
/// </summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var spacing = new Option<double[]>("--spacing")
        {
            Description = "Voxel spacing X Y Z in mm (e.g. --spacing 4.07 4.07 5).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            Arity = new ArgumentArity(3, 3),
        };
        var density = new Option<double>("--density")
        {
            Description = "Medium density in g/cm3 (soft tissue 1.04).",
            DefaultValueFactory = _ => Y90Constants.SoftTissueDensityGPerCm3,
        };
        var electrons = new Option<double>("--electrons-per-gram")
        {
            Description = "Electrons per gram relative to water, for range scaling (soft tissue 0.9907; 1 = plain rho^2 D_water(rho r)).",
            DefaultValueFactory = _ => Y90Constants.SoftTissueRelativeElectronsPerGram,
        };
        var digits = new Option<int>("--digits")
        {
            Description = "Significant digits of S (4 for reading, 17 to export exactly).",
            DefaultValueFactory = _ => 4,
        };
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var command = new Command("kernel", "Print the Y-90 voxel S-value kernel octant (i j k S, mGy/(MBq s)) for a voxel spacing.");
        command.Options.Add(spacing);
        command.Options.Add(density);
        command.Options.Add(electrons);
        command.Options.Add(digits);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var s = parseResult.GetValue(spacing)!;
            var rho = parseResult.GetValue(density);
            var n = parseResult.GetValue(digits);
            var eta = parseResult.GetValue(electrons);
            if (!(eta >= 0.8 && eta <= 1.2))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kernel: --electrons-per-gram must be in 0.8-1.2, got {eta}."));
                return 2;
            }
            if (s.Length != 3 || s.Any(v => !(v > 0 && v <= 50)))
            {
                Console.Error.WriteLine("kernel: --spacing needs three values in mm, each in (0, 50].");
                return 2;
            }
            if (!(rho >= 0.01 && rho <= 25))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kernel: --density must be in 0.01-25 g/cm3, got {rho}."));
                return 2;
            }
            if (n is < 1 or > 17)
            {
                Console.Error.WriteLine("kernel: --digits must be 1 to 17.");
                return 2;
            }
            var kernel = KernelCache.GetY90(new Vec3(s[0], s[1], s[2]), rho, eta);
            var file = parseResult.GetValue(output);
            using var fileWriter = file is null ? null : new StreamWriter(file.FullName);
            var writer = fileWriter ?? Console.Out;
            kernel.WriteOctant(writer, n);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# sum(S x voxel mass) = {kernel.DepositedEnergyPerDecayMeV():0.00000} MeV per decay (point kernel {kernel.ModelledEnergyPerDecayMeV:0.00000} MeV; Y-90 mean beta energy {Y90Constants.MeanBetaEnergyMeV} MeV)"));
            writer.Flush();
            return 0;
        });
        return command;
    }
}
