using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VoxDose.StoreScp.Phantom;

namespace VoxDose.StoreScp.Cli;

/// <summary>The <c>phantom</c> verb: writes a synthetic post-TARE Y-90 PET study with its contours and true doses.</summary>
internal static class PhantomCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write pet/, rtstruct.dcm and truth.json into.", Required = true };
        var slices = new Option<int>("--slices") { Description = "Number of PET planes (2.027 mm apart).", DefaultValueFactory = _ => 111 };
        var seed = new Option<int>("--seed") { Description = "Noise seed (same seed, same pixels).", DefaultValueFactory = _ => 90 };
        var maa = new Option<bool>("--maa") { Description = "Also write the pre-treatment Tc-99m MAA SPECT/CT a week earlier: DIR/maa/ (NM + RTSTRUCT + truth) and DIR/y90/ (the PET study)." };
        var ct = new Option<bool>("--ct") { Description = "Also write the PET/CT's CT (DIR/ct/, same study and frame of reference): lungs -700 HU (0.31 g/mL), soft tissue 40 HU; truth.json gets the lung mass." };
        var command = new Command("phantom", "Write a synthetic post-TARE Y-90 PET study (liver, lesions, lung shunt) with its RTSTRUCT and true doses.");
        command.Options.Add(output);
        command.Options.Add(slices);
        command.Options.Add(seed);
        command.Options.Add(maa);
        command.Options.Add(ct);
        command.SetAction(parseResult =>
        {
            var spec = new PhantomSpec { Slices = parseResult.GetValue(slices), Seed = parseResult.GetValue(seed) };
            var directory = Path.GetFullPath(parseResult.GetValue(output)!);
            if (parseResult.GetValue(maa))
            {
                var pair = PhantomMaaStudyWriter.Write(spec, directory);
                Console.WriteLine($"MAA SPECT/CT written to {Path.GetDirectoryName(pair.SpectFile)} (study {pair.MaaIdentity.StudyInstanceUid}), RTSTRUCT {pair.MaaRtStructFile}, truth {pair.MaaTruthFile}");
                Console.WriteLine($"Y-90 PET {PhantomMaaStudyWriter.DaysBeforeTreatment} days later written to {Path.Combine(directory, "y90")} (study {pair.Y90.Identity.StudyInstanceUid}), patient {pair.Y90.Identity.PatientId}");
                return 0;
            }
            var study = PhantomStudyWriter.Write(spec, directory, withCt: parseResult.GetValue(ct));
            Console.WriteLine($"Phantom written to {directory}");
            Console.WriteLine($"  PET: {study.PetFiles.Count} slices ({spec.Columns} x {spec.Rows}, {spec.PixelSpacingMm} x {spec.PixelSpacingMm} x {spec.SliceSpacingMm} mm) in pet/");
            Console.WriteLine($"  RTSTRUCT: {study.RtStructFile}");
            if (study.Truth.Ct is { } ctTruth)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  CT: {study.CtFiles.Count} slices in ct/ (same frame of reference); lungs {ctTruth.LungHu} HU = {ctTruth.LungDensityGPerMl:0.###} g/mL, lung mass in the field of view {ctTruth.LungMassKgInFieldOfView:0.###} kg, true lung dose with it {ctTruth.LungDoseGyWithCtMass:0.##} Gy"));
            Console.WriteLine($"  Truth: {study.TruthFile}");
            if (study.Truth.LungFractionInFieldOfView < 0.999)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  Note: {100 * study.Truth.LungFractionInFieldOfView:0} % of the lungs' volume is inside the field of view and holds the whole {100 * spec.LungShuntFraction:0.#} % lung shunt: fewer slices, hotter lungs."));
            Console.WriteLine($"  Study Instance UID: {study.Identity.StudyInstanceUid}");
            var table = new Table().AddColumns("Region", "Volume (mL)", "A0 (MBq)", "True mean LDM dose (Gy)");
            foreach (var r in study.Truth.Regions)
                table.AddRow(Markup.Escape(r.Name), r.VolumeMl.ToString("0.0", CultureInfo.InvariantCulture),
                    (r.ActivityBqAtInjection / 1e6).ToString("0.0", CultureInfo.InvariantCulture), r.MeanDoseGy.ToString("0.0", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
