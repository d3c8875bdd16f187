using System.CommandLine;
using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Nm;
using VoxDose.Dosimetry.Planning;
using VoxDose.StoreScp.Planning;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// The <c>plan</c> verb: a pre-treatment Y-90 plan from a Tc-99m MAA SPECT (NM RECON TOMO) and its RTSTRUCT
/// (<see cref="TreatmentPlanner"/>). Writes <c>plan.json</c> (docs/planning.md), <c>plan.pdf</c> and the predicted dose
/// as RT Dose (<c>plan-rtdose.dcm</c>).
/// </summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUTS") { Description = "MAA SPECT (NM), planar views and RTSTRUCTs: files or directories.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory (created when missing).", Required = true };
        var administered = new Option<double?>("--administered-mbq") { Description = "Planned administered activity, MBq (else the plan prescribes one)." };
        var prescribe = new Option<double?>("--prescribe-tumour-gy") { Description = "Target tumour dose for the prescription, Gy (default 120)." };
        var lsf = new Option<double?>("--lsf") { Description = "Lung shunt fraction (0-1), overriding the images." };
        var microspheres = new Option<string>("--microspheres") { Description = "resin or glass (EANM 2022 limits: normal liver 40 Gy resin, whole normal liver 75 Gy glass).", DefaultValueFactory = _ => "resin" };
        var command = new Command("plan", "Plan a Y-90 radioembolization from a Tc-99m MAA SPECT/CT: partition model, lung shunt, prescription, predicted dose.");
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { output, administered, prescribe, lsf, microspheres }) command.Options.Add(option);
        command.SetAction(parseResult => Run(parseResult.GetValue(inputs) ?? [], parseResult.GetValue(output)!, parseResult.GetValue(administered),
            parseResult.GetValue(prescribe), parseResult.GetValue(lsf), parseResult.GetValue(microspheres) ?? "resin"));
        return command;
    }

    private static int Run(string[] inputs, DirectoryInfo outDir, double? administeredMBq, double? prescribeGy, double? lsf, string microspheresText)
    {
        if (administeredMBq is not null && prescribeGy is not null) return Fail("give either --administered-mbq or --prescribe-tumour-gy, not both.");
        MicrosphereType spheres;
        switch (microspheresText.ToLowerInvariant())
        {
            case "resin": spheres = MicrosphereType.Resin; break;
            case "glass": spheres = MicrosphereType.Glass; break;
            default: return Fail($"--microspheres must be resin or glass, got '{microspheresText}'.");
        }
        var options = new PlanningOptions
        {
            AdministeredActivityMBq = administeredMBq,
            TargetTumourGy = prescribeGy ?? new PlanningOptions().TargetTumourGy,
            LungShuntFraction = lsf,
            Decision = new DecisionOptions { Microspheres = spheres },
        };
        var errors = options.Validate();
        if (errors.Count > 0) return Fail(string.Join(" ", errors));
        foreach (var path in inputs)
            if (!File.Exists(path) && !Directory.Exists(path)) return Fail($"{path}: no such file or directory.");

        try
        {
            var run = MaaPlanRunner.Run(PlanInputScanner.Scan(inputs), options, outDir.FullName, TimeProvider.System.GetLocalNow());
            var plan = run.Plan;
            var written = run.Written;
            Print(plan);
            Console.WriteLine($"Wrote {string.Join(", ", written)} to {outDir.FullName}.");
            return 0;
        }
        catch (DoseInputException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException)
        {
            return Fail($"the inputs cannot be read: {e.Message}");
        }
    }

    private static void Print(TreatmentPlan plan)
    {
        static string N(double? v, string f) => v is { } x && double.IsFinite(x) ? x.ToString(f, CultureInfo.InvariantCulture) : "-";
        Console.WriteLine($"Lung shunt fraction {N(plan.LungShuntFraction * 100, "0.0")} % ({plan.LungShuntSource}); administered {N(plan.AdministeredActivityMBq, "0")} MBq ({plan.AdministeredActivitySource ?? "none"})");
        if (plan.Prescription is { } p)
            Console.WriteLine($"Prescription {N(p.ActivityMBq, "0")} MBq for {N(p.TargetTumourGy, "0")} Gy; binding limit {p.BindingLimit}");
        Console.WriteLine($"Normal liver {N(plan.NormalLiverGy, "0.0")} Gy, lungs {N(plan.LungGy, "0.0")} Gy");
        if (plan.NoPartitionReason is { } reason) Console.WriteLine($"No partition dose: {reason}");
        foreach (var roi in plan.Rois)
            Console.WriteLine($"  {roi.Name}: {PlanJsonWriter.RoleName(roi.Role)}, {N(roi.VolumeMl, "0.0")} mL, counts {N(roi.CountsFraction * 100, "0.0")} %, T/N {N(roi.TumourToNormal, "0.00")}, TDp {N(roi.PartitionDoseGy, "0.0")} Gy, VSV {N(roi.PredictedMeanGy, "0.0")} Gy");
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"plan: {message}");
        return 2;
    }
}
