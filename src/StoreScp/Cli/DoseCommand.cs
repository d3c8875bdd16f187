using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.IO;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting;
using VoxDose.Reporting.Model;
using VoxDose.Dicom;

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
            Description = "PET images and RTSTRUCTs: files or directories (searched recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory (created when missing).", Required = true };
        var method = new Option<string>("--method")
        {
            Description = "vsv (Y-90 voxel S-value convolution) or ldm (local deposition).",
            DefaultValueFactory = _ => "vsv",
        };
        var rtstruct = new Option<string[]>("--rtstruct") { Description = "An RTSTRUCT file (repeatable), besides those found among INPUTS." };
        var microspheres = new Option<string>("--microspheres")
        {
            Description = "resin or glass: selects the EANM 2022 normal-liver limit (40 Gy resin, 75 Gy glass).",
            DefaultValueFactory = _ => "resin",
        };
        var series = new Option<string?>("--series") { Description = "Series Instance UID of the PET to use when INPUTS hold several." };
        var resampleMm = new Option<double?>("--resample-mm")
        {
            Description = "VSV only: resample the activity to this isotropic spacing for the convolution (Yoo et al. 2021 used 3 mm; "
                + "the node's default, Processing:DoseGridMm); the dose is interpolated back to the PET grid. Default: the PET's own grid.",
        };
        var masks = new Option<bool>("--masks") { Description = "Also write each ROI's partial-volume mask (0..1) as DIR/masks/NN-name.mha, for checking the contours." };
        var command = new Command("dose", "Compute the dose map and per-ROI metrics from a Y-90 PET (and RTSTRUCTs) on disk.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(method);
        command.Options.Add(rtstruct);
        command.Options.Add(microspheres);
        command.Options.Add(series);
        command.Options.Add(resampleMm);
        command.Options.Add(masks);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(inputs) ?? [], parseResult.GetValue(output)!, parseResult.GetValue(method) ?? "vsv",
            parseResult.GetValue(rtstruct) ?? [], parseResult.GetValue(microspheres) ?? "resin", parseResult.GetValue(series), parseResult.GetValue(masks),
            parseResult.GetValue(resampleMm)));
        return command;
    }

    private static int Run(string[] inputs, DirectoryInfo outDir, string methodText, string[] rtstructs, string microspheresText, string? seriesUid,
        bool writeMasks, double? resampleMm)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 200; // a log file or a pipe: do not wrap ROI names
        DoseMethod method;
        switch (methodText.ToLowerInvariant())
        {
            case "vsv": method = DoseMethod.Vsv; break;
            case "ldm": method = DoseMethod.Ldm; break;
            default: Console.Error.WriteLine($"dose: --method must be vsv or ldm, got '{methodText}'."); return 2;
        }
        MicrosphereType spheres;
        switch (microspheresText.ToLowerInvariant())
        {
            case "resin": spheres = MicrosphereType.Resin; break;
            case "glass": spheres = MicrosphereType.Glass; break;
            default: Console.Error.WriteLine($"dose: --microspheres must be resin or glass, got '{microspheresText}'."); return 2;
        }
        var doseOptions = new DoseOptions { Method = method, ResampleSpacingMm = resampleMm };
        var doseOptionErrors = doseOptions.Validate();
        if (doseOptionErrors.Count > 0)
        {
            foreach (var error in doseOptionErrors) Console.Error.WriteLine($"dose: {error}");
            return 2;
        }
        foreach (var path in inputs.Concat(rtstructs))
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
            var metrics = new MetricsOptions { Decision = new DecisionOptions { Microspheres = spheres } };
            var pipeline = new OfflineDosePipeline(new RoiAnalyzer(metrics));
            var maskCount = 0;
            var maskDir = Path.Combine(outDir.FullName, "masks");
            masks = new RoiMaskCollector(writeMasks ? (roi, mask) =>
            {
                Directory.CreateDirectory(maskDir);
                MetaImageWriter.Write(mask.Weights, Path.Combine(maskDir, $"{++maskCount:D2}-{SafeFileName(roi.Name)}.mha"));
            } : null);
            result = pipeline.Run(new DosePipelineRequest
            {
                Inputs = inputs, StructureSetFiles = rtstructs, SeriesInstanceUid = seriesUid, Dose = doseOptions,
            }, masks.Sink);
        }
        catch (DoseInputException e)
        {
            Console.Error.WriteLine($"dose: {e.Message}");
            return 2;
        }

        outDir.Create();
        var resultsPath = Path.Combine(outDir.FullName, "results.json");
        ResultsJsonWriter.Write(result, resultsPath, SoftwareVersion.Current);
        var dosePath = Path.Combine(outDir.FullName, "dose.mha");
        MetaImageWriter.Write(result.DoseGy, dosePath);
        Print(console, result);
        console.WriteLine($"Wrote {resultsPath} and {dosePath} (dose in Gy).");
        return WriteReports(console, result, masks, outDir);
    }

    /// <summary>RT Dose, SR, PDF, Encapsulated PDF and Secondary Capture (src/Reporting), from the same result.</summary>
    private static int WriteReports(IAnsiConsole console, DoseStudyResult result, RoiMaskCollector masks, DirectoryInfo outDir)
    {
        try
        {
            var now = TimeProvider.System.GetLocalNow();
            var report = StudyReportAssembler.Build(result, SoftwareVersion.Current, now, masks.Masks);
            var written = ReportWriter.WriteAll(report, outDir.FullName);
            console.WriteLine($"Wrote {string.Join(", ", written.DicomPaths.Prepend(written.PdfPath).Select(Path.GetFileName))} to {outDir.FullName}.");
            return 0;
        }
        catch (Exception e) when (e is DoseInputException or ArgumentException or InvalidOperationException or IOException or DicomDataException)
        {
            Console.Error.WriteLine($"dose: the reports were not written: {e.Message}");
            return 1;
        }
    }

    private static void Print(IAnsiConsole console, DoseStudyResult result)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Method {result.Method.ToString().ToUpperInvariant()}, activity in the PET at injection {result.TotalActivityMBq:F1} MBq"));
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "ROI", "Role", "Volume mL", "Mean Gy", "SD Gy", "CoV", "D70 Gy", "V100 %", "Flags" })
            table.AddColumn(new TableColumn(header));
        foreach (var roi in result.Rois.Rois)
        {
            table.AddRow(
                Markup.Escape(roi.Name), ResultsJsonWriter.RoleName(roi.Role), N(roi.VolumeMl, "F1"), N(roi.MeanGy, "F1"), N(roi.SdGy, "F1"),
                N(roi.Cov, "F2"), N(roi.DxGy.GetValueOrDefault(70, double.NaN), "F1"), N(roi.VxPercent.GetValueOrDefault(100, double.NaN), "F1"),
                Markup.Escape(string.Join(", ", roi.Flags.Select(f => f.Code))));
        }
        console.Write(table);
        foreach (var roi in result.Rois.Rois)
            foreach (var flag in roi.Flags.Where(f => f.Code is RoiFlagCodes.BelowLocalControlDose or RoiFlagCodes.NormalLiverAboveLimit or RoiFlagCodes.LungAboveLimit or RoiFlagCodes.SmallLesion))
                console.MarkupLine($"[yellow]{Markup.Escape(roi.Name)}[/]: {Markup.Escape(flag.Message)}");
        foreach (var flag in result.Flags)
            console.MarkupLine($"[yellow]study {Markup.Escape(flag.Code)}[/]: {Markup.Escape(flag.Message)}");
        foreach (var set in result.Rois.NotApplicable)
            console.MarkupLine($"[red]RTSTRUCT not applied[/] {Markup.Escape(set.StructureSet.Source ?? set.StructureSet.SopInstanceUid ?? "?")}: {Markup.Escape(set.Reason ?? "")}");
        foreach (var note in result.Notes) console.MarkupLine($"[grey]note:[/] {Markup.Escape(note)}");
    }

    private static string SafeFileName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return safe.Length == 0 ? "roi" : safe[..Math.Min(safe.Length, 60)];
    }

    private static string N(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";
}
