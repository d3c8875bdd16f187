using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using VoxDose.Reporting.Images;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Pdf;

/// <summary>
/// Writes the dosimetry report as a PDF: patient and study header, method and parameters, per-ROI table, DVH,
/// fused slices, flags with their sources, QA and software version. Text is real text (pdftotext extracts it).
/// </summary>
public static class PdfReportWriter
{
    /// <summary>The PDF bytes. <paramref name="slices"/> are the fused slices to show (rendered if null).</summary>
    public static byte[] Write(DosimetryReport report, IReadOnlyList<FusedSlice>? slices = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Validate();
        DejaVuFontResolver.EnsureInstalled();
        slices ??= FusionSeries.Render(report);

        using var document = new PdfDocument();
        document.Info.Title = "VoxDose Y-90 dosimetry report";
        document.Info.Creator = $"VoxDose {report.SoftwareVersion}";
        document.Info.Subject = "Y-90 radioembolization voxel dosimetry";
        using (var cursor = new PdfCursor(document))
        {
            TitleBlock(cursor, report);
            PatientStudy(cursor, report.Header);
            Method(cursor, report);
            RoiTable.Draw(cursor, report.Rois.Select(r => r.Metrics).ToList());
            LesionAccuracyTable.Draw(cursor, report.Rois.Select(r => r.Metrics).ToList());
            if (report.PlannedVersusDelivered is { } plan) PlannedVersusDeliveredSection.Draw(cursor, plan);
            var dvhWidth = cursor.ContentWidth * 0.9;
            cursor.HeadingLine("Dose-volume histograms", dvhWidth * DvhPlot.HeightPx / DvhPlot.WidthPx + 4);
            cursor.Image(DvhPlot.RenderBmp(report.Rois.Select(r => r.Metrics).ToList(), cutoffGy: report.MetricsOptions.Decision.LesionMeanCutoffGy), dvhWidth);
            Slices(cursor, slices);
            Flags(cursor, report);
            Qa(cursor, report);
            Software(cursor, report);
        }
        AddFooters(document, report);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void TitleBlock(PdfCursor c, DosimetryReport report)
    {
        c.Gfx.DrawString("Y-90 radioembolization dosimetry report", c.Title, XBrushes.DarkSlateBlue,
            new XPoint(PdfCursor.Margin, c.Y + c.Title.Height * 0.8));
        c.Space(c.Title.Height + 2);
        c.Paragraph($"Created {report.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by VoxDose {report.SoftwareVersion}. " +
                    "For review by a medical physicist; not a treatment plan.", c.Small, XBrushes.Gray);
    }

    private static void PatientStudy(PdfCursor c, PatientStudyHeader h)
    {
        c.HeadingLine("Patient and study");
        c.KeyValues(
        [
            ("Patient", h.PatientNameForDisplay),
            ("Patient ID", h.PatientId),
            ("Birth date / sex", $"{PatientStudyHeader.FormatDate(h.PatientBirthDate)} / {h.PatientSex}"),
            ("Study date", PatientStudyHeader.FormatDate(h.StudyDate)),
            ("Study", h.StudyDescription),
            ("Accession number", h.AccessionNumber),
            ("Institution", h.InstitutionName),
        ]);
    }

    private static void Method(PdfCursor c, DosimetryReport report)
    {
        c.HeadingLine("Method and parameters");
        var pairs = new List<(string, string)>
        {
            ("Method", $"{report.Calculation.MethodLongName} ({report.Calculation.MethodShortName})"),
            ("Kernel", report.Calculation.Kernel),
        };
        pairs.AddRange(report.Calculation.Parameters.Select(p => (p.Name, p.Unit.Length == 0 ? p.Value : $"{p.Value} {p.Unit}")));
        if (report.Revision.Description is { } revision) pairs.Add(("Revision", revision));
        pairs.Add(("Source PET series", $"{report.Sources.PetSeriesDescription} ({report.Sources.PetSeriesInstanceUid})".Trim()));
        var g = report.DoseGy;
        pairs.Add(("Dose grid", string.Create(CultureInfo.InvariantCulture,
            $"{g.SizeX} x {g.SizeY} x {g.SizeZ} voxels of {g.SpacingMm.X:G4} x {g.SpacingMm.Y:G4} x {g.SpacingMm.Z:G4} mm (the PET grid)")));
        pairs.Add(("LDM constant", string.Create(CultureInfo.InvariantCulture,
            $"{Dosimetry.Physics.Y90Constants.LdmConstantGyKgPerGBq:F2} Gy kg/GBq = T1/2/ln2 x {Dosimetry.Physics.Y90Constants.MeanBetaEnergyMeV} MeV (ENSDF half-life, Graves 2019 mean energy)")));
        pairs.AddRange(Assumptions(report));
        c.KeyValues(pairs);
    }

    /// <summary>What the flags, BED and EUD rest on, in words: microspheres, radiobiology, perfused region, lungs.</summary>
    private static IEnumerable<(string, string)> Assumptions(DosimetryReport report)
    {
        var m = report.MetricsOptions;
        var d = m.Decision;
        yield return ("Microspheres", d.Microspheres == Dosimetry.Metrics.MicrosphereType.Glass
            ? $"glass: EANM 2022 normal-liver limit {d.NormalLiverLimitGlassGy:G4} Gy (whole normal liver)"
            : $"resin: EANM 2022 normal-liver limit {d.NormalLiverLimitResinGy:G4} Gy");
        yield return ("Lesion cut-off", string.Create(CultureInfo.InvariantCulture,
            $"TDv < {d.LesionMeanCutoffGy:G4} Gy flagged (Yoo et al., Nucl Med Commun 2021); dashed line on the DVH"));
        var r = m.Radiobiology;
        string P(string role, Dosimetry.Metrics.RadiobiologyParameters p) =>
            string.Create(CultureInfo.InvariantCulture, $"{role}: alpha/beta {p.AlphaBetaGy:G3} Gy, T_rep {p.RepairHalfTimeH:G3} h, a {p.GeudA:G3}");
        yield return ("BED and EUD", string.Create(CultureInfo.InvariantCulture,
            $"BED = D [1 + D T_rep / (T_rep + T1/2) / (alpha/beta)], T1/2 {r.PhysicalHalfLifeH:F2} h (permanent implant, Dale 1985; EANM 2022); gEUD = (mean of d^a)^(1/a) (Niemierko). ")
            + string.Join("; ", new[] { P("lesion", r.Lesion), P("normal liver", r.NormalLiver), P("whole liver", r.WholeLiver), P("perfused", r.PerfusedRegion), P("lung", r.Lung), P("other", r.Other) }));
        yield return ("Perfused region", "used only when no RTSTRUCT applies: voxels whose activity, after a 3 x 3 x 3 mean filter, is at least 10 % of the filtered maximum");
        var scaling = report.Calculation.Parameters.FirstOrDefault(p => p.Name == "Lung shunt fraction");
        var lungs = report.Rois.Where(x => x.Metrics.Role == Dosimetry.Results.RoiRole.Lung && double.IsFinite(x.Metrics.MeanGy)).Select(x => x.Metrics).ToList();
        var lungDose = lungs.Count == 0 ? "no lung ROI: lung dose not assessed"
            : string.Join("; ", lungs.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Name} mean {l.MeanGy:F1} Gy over {l.VolumeMl:F0} mL")))
              + string.Create(CultureInfo.InvariantCulture, $" (EANM 2022 limit {d.LungLimitPerSessionGy:G3} Gy per session)");
        yield return ("Lungs", (scaling is null ? "planning lung shunt fraction: not given" : $"lung shunt fraction {scaling.Value} (planning, removed from the liver's activity)") + "; " + lungDose);
    }

    private static void Slices(PdfCursor c, IReadOnlyList<FusedSlice> slices)
    {
        c.NewPage();
        c.HeadingLine("Dose over PET: axial slice through each lesion centre");
        c.Paragraph("Colour: absorbed dose in Gy (colour bar); grey: Y-90 PET. White outline: the lesion named in the caption; " +
                    "magenta: other ROIs. Radiological view (patient left on image right).", c.Small);
        c.Space(4);
        foreach (var slice in slices)
        {
            c.Image(slice.Bmp(), 330);
            c.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{slice.Caption} (slice {slice.SliceIndex + 1}, {slice.SlicePositionMm:F1} mm)"), c.Small);
            c.Space(6);
        }
    }

    private static void Flags(PdfCursor c, DosimetryReport report)
    {
        c.HeadingLine("Flags");
        var rows = report.AllFlags.Select(f => (IReadOnlyList<string>)[f.RoiName.Length == 0 ? "(all)" : f.RoiName, f.Flag.Code, f.Flag.Message, f.Flag.Source]).ToList();
        if (rows.Count == 0) c.Paragraph("No flag raised.");
        else c.Table(["ROI", "Flag", "Finding", "Source"], [0.17, 0.21, 0.37, 0.25], rows, c.Small, [false, false, false, false]);
    }

    private static void Qa(PdfCursor c, DosimetryReport report)
    {
        var qa = report.Qa;
        c.HeadingLine("Quality assurance");
        var pairs = new List<(string, string)>
        {
            ("Activity found", $"{ReportFormat.GBq(qa.ActivityFoundBq)} GBq (in the PET field of view, decay-corrected to administration)"),
            ("Administered", qa.AdministeredActivityBq is { } a ? $"{ReportFormat.GBq(a)} GBq" : "unknown"),
            ("Found / administered", qa.RecoveryRatio is { } r ? $"{ReportFormat.Percent(100 * r)} %" : "n/a"),
            ("Y-90 recognised by", qa.Y90Recognition),
        };
        if (qa.HalfLifeS is { } t) pairs.Add(("Half-life used", string.Create(CultureInfo.InvariantCulture, $"{t:F0} s ({t / 3600:F2} h)")));
        pairs.AddRange(qa.Notes.Select(n => ("Note", n)));
        c.KeyValues(pairs);
    }

    private static void Software(PdfCursor c, DosimetryReport report)
    {
        c.HeadingLine("Software");
        c.KeyValues([("Software version", $"VoxDose {report.SoftwareVersion}")]);
    }

    private static void AddFooters(PdfDocument document, DosimetryReport report)
    {
        var patientPart = $"{report.Header.PatientNameForDisplay}   ID {report.Header.PatientId}   study {PatientStudyHeader.FormatDate(report.Header.StudyDate)}";
        var shortVersion = report.SoftwareVersion.Split('+')[0]; // without the build metadata (commit), when space is short
        for (var i = 0; i < document.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var small = new XFont(Fonts.ReportFonts.FamilyName, 7.5);
            var width = document.Pages[i].Width.Point;
            var y = document.Pages[i].Height.Point - PdfCursor.Margin + 6;
            gfx.DrawLine(new XPen(XColors.Gray, 0.5), PdfCursor.Margin, y - 10, width - PdfCursor.Margin, y - 10);
            var page = $"page {i + 1} / {document.PageCount}";
            var pageWidth = gfx.MeasureString(page, small).Width;
            var room = width - 2 * PdfCursor.Margin - pageWidth - 12; // the left text never runs into the page number
            var text = FitFooter(gfx, small, room, $"VoxDose {report.SoftwareVersion}   {patientPart}", $"VoxDose {shortVersion}   {patientPart}");
            gfx.DrawString(text, small, XBrushes.Gray, new XPoint(PdfCursor.Margin, y));
            gfx.DrawString(page, small, XBrushes.Gray, new XPoint(width - PdfCursor.Margin - pageWidth, y));
        }
    }

    /// <summary>The first candidate that fits in <paramref name="room"/> points, else the last one cut with an ellipsis.</summary>
    internal static string FitFooter(XGraphics gfx, XFont font, double room, params string[] candidates)
    {
        foreach (var candidate in candidates)
            if (gfx.MeasureString(candidate, font).Width <= room) return candidate;
        var text = candidates[^1];
        while (text.Length > 1 && gfx.MeasureString(text + "…", font).Width > room) text = text[..^1];
        return text + "…";
    }
}
