using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Diagnostics;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.IO;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Planning;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting;
using VoxDose.Reporting.Model;
using VoxDose.Dicom;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// The <c>dose</c> verb: the whole offline pipeline on files (<see cref="OfflineDosePipeline"/>). Prints a table per
/// ROI and writes <c>results.json</c>, the dose map (<c>dose.mha</c>, Gy) and the reports (<c>rtdose.dcm</c>, <c>sr.dcm</c>,
/// <c>report.pdf</c>, <c>report-pdf.dcm</c>, <c>fusion-sc.dcm</c>) to the output directory.
/// </summary>
internal static class DoseCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUTS")
        {
            Description = "PET images, RTSTRUCTs and the PET/CT's CT: files or directories (searched recursively). A CT in the PET's frame of reference gives the tissue density; others are not used (the reason is noted).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory (created when missing).", Required = true };
        var config = ConfigOption.Create();
        config.Description = "JSON configuration file (section VoxDose) as used by 'voxdose serve': Processing:Method, Processing:DoseGridMm and "
            + "every Dosimetry setting are taken from it (over appsettings.json; VoxDose__... environment variables win); the options below override it.";
        var method = new Option<string?>("--method")
        {
            Description = "vsv (Y-90 voxel S-value convolution) or ldm (local deposition). Default: Processing:Method (vsv).",
        };
        var rtstruct = new Option<string[]>("--rtstruct") { Description = "An RTSTRUCT file (repeatable), besides those found among INPUTS." };
        var ct = new Option<string[]>("--ct")
        {
            Description = "The PET/CT's CT: a file or directory (repeatable), besides any CT found among INPUTS. Named this way the CT must be usable "
                + "(same frame of reference as the PET, readable), else the verb fails. Density from Dosimetry:HuToDensity (default Schneider 2000).",
        };
        var microspheres = new Option<string?>("--microspheres")
        {
            Description = "resin or glass: selects the EANM 2022 normal-liver limit (40 Gy resin, 75 Gy glass). Default: Dosimetry:Microspheres (resin).",
        };
        var series = new Option<string?>("--series") { Description = "Series Instance UID of the PET to use when INPUTS hold several." };
        var resampleMm = new Option<double?>("--resample-mm")
        {
            Description = "VSV only: resample the activity to this isotropic spacing for the convolution (Yoo et al. 2021 used 3 mm; "
                + "the node's default, Processing:DoseGridMm); the dose is interpolated back to the PET grid. Default: Processing:DoseGridMm "
                + "with --config, else the PET's own grid.",
        };
        var profile = new Option<FileInfo?>("--profile")
        {
            Description = "Write the time of each stage (read, activity, kernel, convolution, rasterise, metrics, RT Dose, SR, images, PDF, writes) "
                + "as JSON to this file, and print it.",
        };
        var plan = new Option<FileInfo?>("--plan") { Description = "A plan.json of `voxdose plan` (same patient): writes planned-vs-delivered.json, TDp beside TDv per lesion matched by ROI name." };
        var masks = new Option<bool>("--masks") { Description = "Also write each ROI's partial-volume mask (0..1) as DIR/masks/NN-name.mha, for checking the contours." };
        var command = new Command("dose", "Compute the dose map and per-ROI metrics from a Y-90 PET (and RTSTRUCTs) on disk.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(method);
        command.Options.Add(rtstruct);
        command.Options.Add(ct);
        command.Options.Add(microspheres);
        command.Options.Add(series);
        command.Options.Add(resampleMm);
        command.Options.Add(masks);
        command.Options.Add(profile);
        command.Options.Add(plan);
        command.SetAction(parseResult => Profiled(parseResult.GetValue(profile), () => Run(
            parseResult.GetValue(inputs) ?? [], parseResult.GetValue(output)!, parseResult.GetValue(config), parseResult.GetValue(method),
            parseResult.GetValue(rtstruct) ?? [], parseResult.GetValue(microspheres), parseResult.GetValue(series), parseResult.GetValue(masks),
            parseResult.GetValue(resampleMm), parseResult.GetValue(plan), parseResult.GetValue(ct) ?? [])));
        return command;
    }

    /// <summary>Runs the verb with a stage profile active when asked, then writes and prints it (start-up included).</summary>
    private static int Profiled(FileInfo? profilePath, Func<int> run)
    {
        if (profilePath is null) return run();
        var profile = new StageProfile();
        // Start-up: from the process's start to here (runtime, JIT of Main and the command-line parser); its CPU is
        // everything the process used before the profile began.
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
            profile.Add(new StageTiming("startup", (DateTime.Now - self.StartTime).TotalMilliseconds, StageProfile.CpuNow().TotalMilliseconds, false));
        int code;
        using (profile.Activate()) code = run();
        profilePath.Directory?.Create();
        profile.WriteJson(profilePath.FullName);
        Console.WriteLine(profile.ToTable());
        return code;
    }

    private static int Run(string[] inputs, DirectoryInfo outDir, string? configFile, string? methodText, string[] rtstructs, string? microspheresText,
        string? seriesUid, bool writeMasks, double? resampleMm, FileInfo? planFile = null, string[]? ctInputs = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 200; // a log file or a pipe: do not wrap ROI names
        // The node's options model, bound and validated the same way (InvalidConfigurationException: exit 2 with every error).
        VoxDoseOptions options;
        DosimetrySettings settings;
        using (StageProfile.Measure("config"))
        {
            (_, options) = NodeConfiguration.Load(configFile);
            settings = DosimetrySettings.From(options, useGrid: configFile is not null);
        }
        var doseOptions = settings.Dose;
        var metrics = settings.Metrics;
        switch (methodText?.ToLowerInvariant())
        {
            case null: break;
            case "vsv": doseOptions = doseOptions with { Method = DoseMethod.Vsv }; break;
            case "ldm": doseOptions = doseOptions with { Method = DoseMethod.Ldm, ResampleSpacingMm = null }; break;
            default: Console.Error.WriteLine($"dose: --method must be vsv or ldm, got '{methodText}'."); return 2;
        }
        switch (microspheresText?.ToLowerInvariant())
        {
            case null: break;
            case "resin": metrics = metrics with { Decision = metrics.Decision with { Microspheres = MicrosphereType.Resin } }; break;
            case "glass": metrics = metrics with { Decision = metrics.Decision with { Microspheres = MicrosphereType.Glass } }; break;
            default: Console.Error.WriteLine($"dose: --microspheres must be resin or glass, got '{microspheresText}'."); return 2;
        }
        if (resampleMm is not null) doseOptions = doseOptions with { ResampleSpacingMm = resampleMm };
        var doseOptionErrors = doseOptions.Validate();
        if (doseOptionErrors.Count > 0)
        {
            foreach (var error in doseOptionErrors) Console.Error.WriteLine($"dose: {error}");
            return 2;
        }
        ctInputs ??= [];
        foreach (var path in inputs.Concat(rtstructs).Concat(ctInputs))
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"dose: {path}: no such file or directory.");
                return 2;
            }
        }

        DoseStudyResult result;
        RoiMaskCollector masks;
        try
        {
            var pipeline = settings.CreatePipeline(new RoiAnalyzer(metrics, settings.Roles));
            var maskCount = 0;
            var maskDir = Path.Combine(outDir.FullName, "masks");
            masks = new RoiMaskCollector(writeMasks ? (roi, mask) =>
            {
                Directory.CreateDirectory(maskDir);
                MetaImageWriter.Write(mask.Weights, Path.Combine(maskDir, $"{++maskCount:D2}-{SafeFileName(roi.Name)}.mha"));
            } : null);
            result = pipeline.Run(new DosePipelineRequest
            {
                Inputs = inputs, StructureSetFiles = rtstructs, SeriesInstanceUid = seriesUid, Dose = doseOptions, CtInputs = ctInputs,
            }, masks.Sink);
        }
        catch (DoseInputException e)
        {
            Console.Error.WriteLine($"dose: {e.Message}");
            return 2;
        }

        outDir.Create();
        var resultsPath = Path.Combine(outDir.FullName, "results.json");
        var dosePath = Path.Combine(outDir.FullName, "dose.mha");
        // The dose exists: results.json and the dose map are written while the reports are drawn.
        var files = Task.Run(() =>
        {
            using var stage = StageProfile.Measure("writes", parallel: true);
            ResultsJsonWriter.Write(result, resultsPath, SoftwareVersion.Current);
            MetaImageWriter.Write(result.DoseGy, dosePath);
        });
        using (StageProfile.Measure("console")) Print(console, result);
        var code = WriteReports(console, result, masks, outDir, options.Processing.RtDoseBitsAllocated);
        files.GetAwaiter().GetResult();
        console.WriteLine($"Wrote {resultsPath} and {dosePath} (dose in Gy).");
        if (planFile is not null && !ComparePlan(console, result, planFile, outDir)) return 2;
        return code;
    }

    /// <summary>RT Dose, SR, PDF, Encapsulated PDF and Secondary Capture (src/Reporting), from the same result.</summary>
    private static int WriteReports(IAnsiConsole console, DoseStudyResult result, RoiMaskCollector masks, DirectoryInfo outDir, int rtDoseBitsAllocated)
    {
        try
        {
            var now = TimeProvider.System.GetLocalNow();
            DosimetryReport report;
            using (StageProfile.Measure("report model")) report = StudyReportAssembler.Build(result, SoftwareVersion.Current, now, masks.Masks);
            var written = ReportWriter.WriteAll(report, outDir.FullName, rtDoseBitsAllocated); // the node's setting: same RT Dose from both
            console.WriteLine($"Wrote {string.Join(", ", written.DicomPaths.Prepend(written.PdfPath).Select(Path.GetFileName))} to {outDir.FullName}.");
            return 0;
        }
        catch (Exception e) when (e is DoseInputException or ArgumentException or InvalidOperationException or IOException or DicomDataException)
        {
            Console.Error.WriteLine($"dose: the reports were not written: {e.Message}");
            return 1;
        }
    }

    /// <summary>TDp (plan.json) beside TDv per lesion, matched by normalised ROI name; planned-vs-delivered.json.</summary>
    private static bool ComparePlan(IAnsiConsole console, DoseStudyResult result, FileInfo planFile, DirectoryInfo outDir)
    {
        IReadOnlyList<PlannedLesion> planned;
        try { planned = PlannedVersusDelivered.LesionsFromPlanJson(planFile.FullName); }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"dose: --plan {planFile.FullName}: {e.Message}");
            return false;
        }
        var comparison = PlannedVersusDelivered.Compare(planned, result.Rois.Rois);
        var path = Path.Combine(outDir.FullName, "planned-vs-delivered.json");
        comparison.WriteJson(path, planFile.FullName);
        var plotPath = Path.Combine(outDir.FullName, "planned-vs-delivered.png");
        File.WriteAllBytes(plotPath, VoxDose.Reporting.Images.TdpTdvPlot.RenderPng(comparison));
        foreach (var m in comparison.Matched)
            console.WriteLine($"{m.DeliveredName}: TDp {N(m.TdpGy ?? double.NaN, "F1")} Gy, TDv {N(m.TdvGy, "F1")} Gy, TDv - TDp {N(m.DifferenceGy ?? double.NaN, "F1")} Gy, TDv/TDp {N(m.Ratio ?? double.NaN, "F2")}");
        if (comparison.UnmatchedPlanned.Count > 0) console.WriteLine($"Planned lesions not found in the delivered dose: {string.Join(", ", comparison.UnmatchedPlanned)}");
        if (comparison.UnmatchedDelivered.Count > 0) console.WriteLine($"Delivered lesions not in the plan: {string.Join(", ", comparison.UnmatchedDelivered)}");
        console.WriteLine($"Wrote {path} and {plotPath}.");
        return true;
    }

    private static void Print(IAnsiConsole console, DoseStudyResult result)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Method {result.Method.ToString().ToUpperInvariant()}, activity in the PET at injection {result.TotalActivityMBq:F1} MBq"));
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "ROI", "Role", "Volume mL", "Mean Gy", "U (k=1) Gy", "SD Gy", "CoV", "D70 Gy", "V100 %", "Flags" })
            table.AddColumn(new TableColumn(header));
        foreach (var roi in result.Rois.Rois)
        {
            table.AddRow(
                Markup.Escape(roi.Name), ResultsJsonWriter.RoleName(roi.Role), N(roi.VolumeMl, "F1"), N(roi.MeanGy, "F1"),
                roi.Uncertainty is { } u ? N(u.CombinedGy, "F1") : "-", N(roi.SdGy, "F1"),
                N(roi.Cov, "F2"), N(roi.DxGy.GetValueOrDefault(70, double.NaN), "F1"), N(roi.VxPercent.GetValueOrDefault(100, double.NaN), "F1"),
                Markup.Escape(string.Join(", ", roi.Flags.Select(f => f.Code))));
        }
        console.Write(table);
        if (result.DensitySource is { } density) console.WriteLine(density.Statement);
        if (result.Lung is { } lung) console.WriteLine(LungDosimetryCalculator.Summary(lung));
        foreach (var roi in result.Rois.Rois.Where(r => r.Uncertainty is not null || r.RecoveryCorrected is not null))
            console.WriteLine(LesionAccuracyLine(roi));
        foreach (var roi in result.Rois.Rois)
            foreach (var flag in roi.Flags.Where(f => f.Code is RoiFlagCodes.BelowLocalControlDose or RoiFlagCodes.NormalLiverAboveLimit or RoiFlagCodes.LungAboveLimit or RoiFlagCodes.SmallLesion or RoiFlagCodes.PartialVolume))
                console.MarkupLine($"[yellow]{Markup.Escape(roi.Name)}[/]: {Markup.Escape(flag.Message)}");
        foreach (var flag in result.Flags)
            console.MarkupLine($"[yellow]study {Markup.Escape(flag.Code)}[/]: {Markup.Escape(flag.Message)}");
        foreach (var set in result.Rois.NotApplicable)
            console.MarkupLine($"[red]RTSTRUCT not applied[/] {Markup.Escape(set.StructureSet.Source ?? set.StructureSet.SopInstanceUid ?? "?")}: {Markup.Escape(set.Reason ?? "")}");
        foreach (var note in result.Notes) console.MarkupLine($"[grey]note:[/] {Markup.Escape(note)}");
    }

    /// <summary>"Lesion 4: TDv 67.3 ± 10.4 Gy (k = 1; calibration 3.4, timing 0.1, ...); d 18.0 mm < 30.0 mm: partial-volume range; ..."</summary>
    internal static string LesionAccuracyLine(RoiMetrics roi)
    {
        var text = $"{roi.Name}: TDv {N(roi.MeanGy, "F1")}";
        if (roi.Uncertainty is { } u)
            text += $" ± {N(u.CombinedGy, "F1")} Gy (k = 1; " + string.Join(", ", u.Components.Select(c => $"{c.Name.ToLowerInvariant()} {N(c.Gy, "F1")}")) + ")";
        else text += " Gy";
        if (roi.PartialVolume is { } pv)
            text += pv.InRange
                ? $"; diameter {N(pv.EquivalentDiameterMm, "F1")} mm < {N(pv.LimitMm, "F1")} mm: partial-volume range, the mean reads low"
                : $"; diameter {N(pv.EquivalentDiameterMm, "F1")} mm >= {N(pv.LimitMm, "F1")} mm";
        if (roi.RecoveryCorrected is { } rc)
            text += $"; partial-volume corrected estimate (not TDv) {N(rc.CorrectedMeanGy, "F1")} Gy, RC {N(rc.Rc, "F2")}";
        return text;
    }

    private static string SafeFileName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return safe.Length == 0 ? "roi" : safe[..Math.Min(safe.Length, 60)];
    }

    private static string N(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";
}
