using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Nm;
using VoxDose.Dosimetry.Planning;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting.Common;
using VoxDose.Reporting.Images;
using VoxDose.Reporting.Model;
using VoxDose.Reporting.Pdf;
using VoxDose.Reporting.RtDose;

namespace VoxDose.Reporting.Planning;

/// <summary>
/// The outputs of a pre-treatment plan: the predicted dose as RT Dose (the same writer as the post-treatment dose, on
/// the MAA SPECT's grid and Frame of Reference, in the SPECT's study) and the plan PDF (the report's PDF pieces).
/// </summary>
public static class PlanReportWriter
{
    public const int RtDoseSeriesNumber = 9101;

    /// <summary>The predicted VSV dose as RT Dose; null when the plan has no predicted map (see NoPartitionReason).</summary>
    public static DicomDataset? BuildRtDose(TreatmentPlan plan, DicomDataset spectDataset, string softwareVersion, DateTimeOffset createdAt, int bitsAllocated = 32)
    {
        if (plan.PredictedDoseGy is null) return null;
        var report = AsReport(plan, spectDataset, softwareVersion, createdAt);
        var identity = OutputSeries.New(DicomUids.RTDoseStorage, RtDoseSeriesNumber, "Y-90 predicted dose (MAA plan, VSV)");
        var ds = RtDoseWriter.Build(report, identity, bitsAllocated);
        ds.AddOrUpdate(DicomTag.DerivationDescription, DicomVR.ST,
            string.Create(CultureInfo.InvariantCulture,
                $"Predicted Y-90 absorbed dose: Tc-99m MAA SPECT series {report.Sources.PetSeriesInstanceUid} scaled to {plan.AdministeredActivityMBq:0.#} MBq x (1 - LSF {plan.LungShuntFraction:0.####}); kernel {plan.KernelDescription}; VoxDose {softwareVersion}"));
        ds.AddOrUpdate(DicomTag.DoseComment, DicomVR.LO, DicomText.Fit("Y-90 predicted dose from the Tc-99m MAA plan (VSV)", 64));
        return ds;
    }

    public const int EncapsulatedPdfSeriesNumber = 9102;

    /// <summary>
    /// The plan PDF as an Encapsulated PDF object (PS3.3 A.45.1) in the MAA study, for the node's destinations; it
    /// references the SPECT (and the predicted-dose RT Dose when there is one).
    /// </summary>
    public static DicomDataset BuildEncapsulatedPdf(TreatmentPlan plan, NmImage spect, DicomDataset spectDataset, byte[] pdf, string softwareVersion,
        DateTimeOffset createdAt, DicomDataset? rtDose = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spect);
        var report = AsReport(plan, spectDataset, softwareVersion, createdAt) with
        {
            PetBqPerMl = plan.PredictedLdmDoseGy ?? spect.Counts!,
            DoseGy = plan.PredictedDoseGy ?? spect.Counts!,
        };
        var identity = OutputSeries.New(DicomUids.EncapsulatedPDFStorage, EncapsulatedPdfSeriesNumber, "Y-90 plan report (Tc-99m MAA)");
        OutputSeries? rtDoseIdentity = rtDose is null ? null : new OutputSeries(rtDose.GetString(DicomTag.SOPClassUID) ?? DicomUids.RTDoseStorage,
            rtDose.GetString(DicomTag.SOPInstanceUID) ?? "", rtDose.GetString(DicomTag.SeriesInstanceUID) ?? "", RtDoseSeriesNumber, "");
        var ds = EncapsulatedPdfWriter.Build(report, identity, pdf, rtDoseIdentity);
        ds.AddOrUpdate(DicomTag.DocumentTitle, DicomVR.ST, "Y-90 radioembolization plan (Tc-99m MAA partition model)");
        return ds;
    }

    /// <summary>The plan report as PDF bytes (real text: pdftotext extracts it).</summary>
    public static byte[] WritePdf(TreatmentPlan plan, NmImage spect, DicomDataset spectDataset, string softwareVersion, DateTimeOffset createdAt)
    {
        DejaVuFontResolver.EnsureInstalled();
        var header = PetSource.HeaderFrom(spectDataset);
        using var document = new PdfDocument();
        document.Info.Title = "VoxDose Y-90 radioembolization plan";
        document.Info.Creator = $"VoxDose {softwareVersion}";
        using (var c = new PdfCursor(document))
        {
            c.Gfx.DrawString("Y-90 radioembolization plan (Tc-99m MAA)", c.Title, XBrushes.DarkSlateBlue, new XPoint(PdfCursor.Margin, c.Y + c.Title.Height * 0.8));
            c.Space(c.Title.Height + 2);
            c.Paragraph($"Created {createdAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by VoxDose {softwareVersion}. "
                + "Partition model (Ho et al. 1996) on MAA counts; for review by a medical physicist and the treating physician.", c.Small, XBrushes.Gray);
            c.HeadingLine("Patient and study");
            c.KeyValues([
                ("Patient", header.PatientNameForDisplay), ("Patient ID", header.PatientId),
                ("Study date", PatientStudyHeader.FormatDate(header.StudyDate)), ("SPECT series", spect.SeriesInstanceUid ?? ""),
                ("Radiopharmaceutical", spect.Recognition.Summary),
            ]);

            c.HeadingLine("Plan");
            var pairs = new List<(string, string)>
            {
                ("Microspheres", plan.Microspheres.ToString().ToLowerInvariant()),
                ("Lung shunt fraction", plan.LungShuntFraction is { } l ? $"{Pct(l)} ({plan.LungShuntSource})" : $"not known ({plan.LungShuntSource})"),
                ("Administered activity", plan.AdministeredActivityMBq is { } a ? $"{N(a, "0")} MBq ({plan.AdministeredActivitySource})" : "none"),
            };
            if (plan.Prescription is { } p)
            {
                pairs.Add(("Prescription", $"{N(p.ActivityMBq, "0")} MBq for a target tumour dose of {N(p.TargetTumourGy, "0")} Gy; binding limit: {Binding(p.BindingLimit)}"));
                pairs.Add(("Activity for the target", $"{N(p.TargetActivityMBq, "0")} MBq (tumour dose reached: {N(p.AchievedTumourGy, "0.0")} Gy)"));
                pairs.Add(("Normal-liver limit", $"{N(p.NormalLiverLimitGy, "0")} Gy in {p.NormalLiverCompartment}: {N(p.NormalLiverLimitActivityMBq, "0")} MBq (EANM 2022)"));
                pairs.Add(("Lung limit", $"{N(p.LungLimitGy, "0")} Gy per session: {N(p.LungLimitActivityMBq, "0")} MBq (EANM 2022)"));
            }
            pairs.Add(("Normal liver (perfused)", Gy(plan.NormalLiverGy)));
            pairs.Add(("Whole normal liver", Gy(plan.WholeNormalLiverGy)));
            pairs.Add(("Lungs", Gy(plan.LungGy)));
            pairs.Add(("Tumour (all lesions)", Gy(plan.TumourGy)));
            if (plan.SingleCompartmentGy is { } s) pairs.Add(("Single compartment (glass)", Gy(s)));
            if (plan.BsaActivityMBq is { } b) pairs.Add(("BSA method (resin)", $"{N(b, "0")} MBq"));
            if (plan.NoPartitionReason is { } reason) pairs.Add(("No partition dose", reason));
            c.KeyValues(pairs, 150);

            c.HeadingLine("Regions of interest");
            var rows = plan.Rois.Select(r => (IReadOnlyList<string>)[PlanJsonWriter.RoleName(r.Role), N(r.VolumeMl, "0.0"), Pct(r.CountsFraction),
                r.TumourToNormal is { } tn ? N(tn, "0.00") : "-", Opt(r.PartitionDoseGy), Opt(r.PredictedMeanGy), Opt(r.PredictedLdmMeanGy)]).ToList();
            c.Table(["Role", "Volume mL", "Counts", "T/N", "TDp Gy", "VSV mean Gy", "LDM mean Gy"], [0.22, 0.12, 0.11, 0.1, 0.13, 0.16, 0.16], rows, c.Small,
                rowTitles: [.. plan.Rois.Select(r => r.Name)]);

            var metrics = plan.Rois.Where(r => r.Predicted is not null).Select(r => r.Predicted!).ToList();
            if (metrics.Count > 0)
            {
                var width = c.ContentWidth * 0.9;
                c.HeadingLine("Predicted dose-volume histograms (VSV)", width * DvhPlot.HeightPx / DvhPlot.WidthPx + 4);
                c.Image(DvhPlot.RenderPng(metrics), width);
            }
            c.HeadingLine("Notes");
            foreach (var note in spect.LoadNotes.Concat(plan.Notes)) c.Paragraph("- " + note, c.Small);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The plan dressed as a <see cref="DosimetryReport"/> so the RT Dose writer can be reused unchanged.</summary>
    private static DosimetryReport AsReport(TreatmentPlan plan, DicomDataset spectDataset, string softwareVersion, DateTimeOffset createdAt) => new()
    {
        Header = PetSource.HeaderFrom(spectDataset),
        Sources = PetSource.ReferencesFrom([spectDataset]),
        Calculation = new CalculationSummary { Method = DoseMethod.Vsv, Kernel = plan.KernelDescription ?? "" },
        Qa = new QaSummary { ActivityFoundBq = (plan.AdministeredActivityMBq ?? 0) * 1e6, Y90Recognition = "pre-treatment plan (Tc-99m MAA)" },
        Rois = [],
        PetBqPerMl = plan.PredictedLdmDoseGy!,
        DoseGy = plan.PredictedDoseGy!,
        SoftwareVersion = softwareVersion,
        CreatedAt = createdAt,
    };

    private static string Binding(string binding) => binding switch
    {
        "none" => "none (the target is reached within the limits)",
        "normalLiver" => "normal liver",
        "lung" => "lungs",
        _ => binding,
    };

    private static string N(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
    private static string Pct(double fraction) => (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + " %";
    private static string Gy(double? v) => v is { } x ? N(x, "0.0") + " Gy" : "not computed";
    private static string Opt(double? v) => v is { } x && double.IsFinite(x) ? N(x, "0.0") : "-";
}
