using PdfSharp.Drawing;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Pdf;

/// <summary>
/// The PDF's lesion accuracy table: TDv ± U (k = 1) with each uncertainty component, the equivalent diameter against the
/// partial-volume limit, and the recovery-corrected estimate when a recovery table is configured (labelled as such).
/// </summary>
internal static class LesionAccuracyTable
{
    private static readonly string[] Header =
        ["TDv ± U (Gy)", "Calibration", "Timing + T½", "Noise", "Contour", "Diameter (mm)", "PV limit (mm)", "PV-corrected estimate (Gy)"];

    private static readonly double[] Widths = [0.15, 0.11, 0.11, 0.09, 0.09, 0.12, 0.12, 0.21];

    public static void Draw(PdfCursor c, IReadOnlyList<RoiMetrics> rois)
    {
        var lesions = rois.Where(r => r.Role == RoiRole.Lesion && (r.Uncertainty is not null || r.PartialVolume is not null)).ToList();
        if (lesions.Count == 0) return;
        c.HeadingLine("Lesion dose accuracy");
        var rows = lesions.Select(m => (IReadOnlyList<string>)
        [
            m.Uncertainty is { } u ? $"{ReportFormat.Gy(m.MeanGy)} ± {ReportFormat.Gy(u.CombinedGy)}" : ReportFormat.Gy(m.MeanGy),
            Component(m, UncertaintyCodes.Calibration),
            TimingAndHalfLife(m),
            Component(m, UncertaintyCodes.Noise),
            Component(m, UncertaintyCodes.Contour),
            m.PartialVolume is { } pv ? ReportFormat.Fixed(pv.EquivalentDiameterMm, 1) + (pv.InRange ? " (PV range)" : "") : "n/a",
            m.PartialVolume is { } limit ? ReportFormat.Fixed(limit.LimitMm, 1) : "n/a",
            m.RecoveryCorrected is { } rc ? $"{ReportFormat.Gy(rc.CorrectedMeanGy)} (RC {ReportFormat.Fixed(rc.Rc, 2)})" : "not configured",
        ]).ToList();
        c.Table(Header, Widths, rows, c.Small, Widths.Select(_ => true).ToList(), lesions.Select(m => m.Name).ToList());
        var fwhm = lesions.Select(l => l.PartialVolume).FirstOrDefault(p => p is not null);
        c.Paragraph(
            "U: standard uncertainty (k = 1) of the mean dose, the components (Gy) combined in quadrature after the EANM guidance on uncertainty " +
            "analysis (Gear et al., EJNMMI 2018;45:2456). Calibration: activity scale of the PET (or of the radionuclide calibrator when the map is " +
            "scaled to the administered activity). Timing + T½: injection-to-scan interval and half-life. Noise: count-like voxel noise measured in " +
            "the perfused region, propagated to the lesion mean with the reconstruction's noise correlation (effective number of independent voxels). " +
            "Contour: mean dose over the contour eroded and dilated by one voxel (half the range / sqrt 3). The partial-volume effect is not " +
            "in U: it is a bias, shown by the diameter against " +
            (fwhm is null ? "3 x the resolution" : $"{fwhm.DiameterFactor:G3} x the reconstruction's FWHM of {fwhm.FwhmMm:G3} mm ({fwhm.FwhmSource})") +
            ". A lesion in the PV range reads low; its mean-dose flags carry that caveat. The PV-corrected estimate = background + (TDv - " +
            "background) / RC with the site's sphere-phantom recovery coefficient for the lesion's volume: an estimate beside TDv, never instead of it.",
            c.Small, XBrushes.Gray);
    }

    private static string Component(RoiMetrics m, string code) =>
        m.Uncertainty?[code] is { } u ? ReportFormat.Gy(u.Gy) : "n/a";

    private static string TimingAndHalfLife(RoiMetrics m)
    {
        var t = m.Uncertainty?[UncertaintyCodes.Timing];
        var h = m.Uncertainty?[UncertaintyCodes.HalfLife];
        if (t is null && h is null) return "n/a";
        return ReportFormat.Gy(Math.Sqrt(Math.Pow(t?.Gy ?? 0, 2) + Math.Pow(h?.Gy ?? 0, 2)));
    }
}
