using VoxDose.Dicom;
using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Nm;
using VoxDose.Dosimetry.Planning;
using VoxDose.Reporting.Planning;

namespace VoxDose.StoreScp.Planning;

/// <summary>What one plan run wrote, and the plan itself.</summary>
public sealed record MaaPlanRun(TreatmentPlan Plan, NmImage Spect, string PlanJsonPath, string PdfPath, string? RtDosePath, string? EncapsulatedPdfPath,
    IReadOnlyList<string> Written);

/// <summary>
/// The one plan computation of <c>voxdose plan</c> and of the node: picks the SPECT among the scanned inputs, checks it
/// is Tc-99m, reads the RTSTRUCTs, plans (<see cref="TreatmentPlanner"/>) and writes plan.json, plan.pdf and the
/// predicted dose as RT Dose (plan-rtdose.dcm); the node also wants the PDF as a DICOM object (plan-pdf.dcm).
/// Input problems throw <see cref="DoseInputException"/> with the reason.
/// </summary>
public static class MaaPlanRunner
{
    public const string PlanJsonFile = "plan.json";
    public const string PdfFile = "plan.pdf";
    public const string RtDoseFile = "plan-rtdose.dcm";
    public const string EncapsulatedPdfFile = "plan-pdf.dcm";

    /// <summary>The predicted VSV dose map (Gy, MetaImage, the SPECT's grid and patient coordinates): what the node's voxel-wise comparison reads.</summary>
    public const string PredictedDoseFile = "predicted-dose.mha";

    public static MaaPlanRun Run(PlanInputs scan, PlanningOptions options, string outDir, DateTimeOffset now, bool encapsulatePdf = false,
        int rtDoseBitsAllocated = 32)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>(scan.Notes);
        var spectFiles = scan.NmSeries.FirstOrDefault(s => s.Tomographic)
            ?? throw new DoseInputException("No reconstructed SPECT (NM Image Type RECON TOMO) was found among the inputs.");
        if (scan.NmSeries.Count(s => s.Tomographic) > 1) notes.Add($"{scan.NmSeries.Count(s => s.Tomographic)} SPECT series found; used {spectFiles.SeriesInstanceUid}");
        var datasets = spectFiles.Files.Select(f => DicomFile.Open(f).Dataset).ToList();
        var spect = NmImageLoader.Load(datasets);
        var seriesUid = datasets[0].GetString(DicomTag.SeriesInstanceUID) ?? spectFiles.SeriesInstanceUid;
        if (!spect.Recognition.IsTc99m) throw new DoseInputException($"The SPECT series {seriesUid} is {spect.Recognition.Summary}: a Tc-99m MAA SPECT is needed.");
        foreach (var planar in scan.NmSeries.Where(s => !s.Tomographic))
            notes.Add($"Planar NM series {planar.SeriesInstanceUid} ({planar.Files.Count} file(s)) read but not used for the lung shunt: "
                + "VoxDose draws no planar ROIs; give --lsf for a planar geometric-mean value");
        var structureSets = new List<StructureSet>();
        foreach (var file in scan.StructureSetFiles)
        {
            try { structureSets.Add(RtStructReader.Read(file)); }
            catch (Exception e) when (e is InvalidDataException or DicomDataException or IOException) { notes.Add($"{file}: the RTSTRUCT cannot be read ({e.Message})"); }
        }
        var first = datasets[0];
        double? bsa = first.TryGetDouble(DicomTag.PatientSize, out var heightM) && heightM > 0.5 && first.TryGetDouble(DicomTag.PatientWeight, out var weightKg) && weightKg > 10
            ? PartitionModel.DuBoisBsaM2(heightM, weightKg) : null;
        var plan = new TreatmentPlanner(options).Plan(spect.Counts!, structureSets, bodySurfaceAreaM2: bsa);
        plan = plan with { Notes = [.. notes, .. plan.Notes] };

        Directory.CreateDirectory(outDir);
        var jsonPath = Path.Combine(outDir, PlanJsonFile);
        PlanJsonWriter.Write(plan, spect, jsonPath, SoftwareVersion.Current);
        var pdf = PlanReportWriter.WritePdf(plan, spect, first, SoftwareVersion.Current, now);
        var pdfPath = Path.Combine(outDir, PdfFile);
        File.WriteAllBytes(pdfPath, pdf);
        var written = new List<string> { PlanJsonFile, PdfFile };
        string? rtDosePath = null;
        var rtDose = PlanReportWriter.BuildRtDose(plan, first, SoftwareVersion.Current, now, rtDoseBitsAllocated);
        if (rtDose is not null)
        {
            rtDosePath = Path.Combine(outDir, RtDoseFile);
            DicomFile.Create(rtDose, DicomTransferSyntax.ExplicitVRLittleEndian).Save(rtDosePath);
            written.Add(RtDoseFile);
        }
        string? encapsulatedPath = null;
        if (encapsulatePdf)
        {
            encapsulatedPath = Path.Combine(outDir, EncapsulatedPdfFile);
            DicomFile.Create(PlanReportWriter.BuildEncapsulatedPdf(plan, spect, first, pdf, SoftwareVersion.Current, now, rtDose),
                DicomTransferSyntax.ExplicitVRLittleEndian).Save(encapsulatedPath);
            written.Add(EncapsulatedPdfFile);
            if (plan.PredictedDoseGy is { } predicted)
            {
                VoxDose.Dosimetry.IO.MetaImageWriter.Write(predicted, Path.Combine(outDir, PredictedDoseFile));
                written.Add(PredictedDoseFile);
            }
        }
        return new MaaPlanRun(plan, spect, jsonPath, pdfPath, rtDosePath, encapsulatedPath, written);
    }
}
