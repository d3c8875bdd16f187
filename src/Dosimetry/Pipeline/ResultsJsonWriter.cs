using System.Text.Json;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.IO;

namespace VoxDose.Dosimetry.Pipeline;

/// <summary>
/// Writes <c>results.json</c> (schema in docs/contours-and-metrics.md). Doses in Gy, volumes in mL, V-values in
/// percent of the ROI volume; a value that does not exist (statistics of an empty ROI) is written as null.
/// </summary>
public static class ResultsJsonWriter
{
    public const int SchemaVersion = 1;

    /// <param name="plan">The node's planned-vs-delivered section (<c>plannedVersusDelivered</c>, docs/planning.md); null: none written.</param>
    public static void Write(DoseStudyResult result, string path, string softwareVersion, Planning.PlanLinkReport? plan = null)
    {
        using var stream = File.Create(path);
        Write(result, stream, softwareVersion, plan);
    }

    public static void Write(DoseStudyResult result, Stream stream, string softwareVersion, Planning.PlanLinkReport? plan = null)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("software", "VoxDose " + softwareVersion);
        json.WriteString("studyInstanceUid", result.StudyInstanceUid);
        json.WriteString("petSeriesInstanceUid", result.PetSeriesInstanceUid);
        json.WriteString("frameOfReferenceUid", result.DoseGy.FrameOfReferenceUid);
        json.WriteString("method", result.Method.ToString().ToLowerInvariant());
        json.WriteNumberOrNull("totalActivityMBq", result.TotalActivityMBq);
        WriteGrid(json, result);
        if (result.DoseMap is { } doseMap) WriteCalculation(json, doseMap);
        if (result.DensitySource is { } density) WriteDensity(json, density);
        if (result.Lung is { } lung) WriteLung(json, lung);
        WriteFlags(json, result.Flags);
        json.WriteStartArray("rois");
        foreach (var roi in result.Rois.Rois) WriteRoi(json, roi);
        json.WriteEndArray();
        json.WriteStartArray("notApplicableStructureSets");
        foreach (var set in result.Rois.NotApplicable)
        {
            json.WriteStartObject();
            json.WriteString("sopInstanceUid", set.StructureSet.SopInstanceUid);
            json.WriteString("label", set.StructureSet.Label);
            json.WriteString("source", set.StructureSet.Source);
            json.WriteString("reason", set.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("rejectedRois");
        foreach (var set in result.Rois.StructureSets.Where(s => s.Applies))
            foreach (var roi in set.RejectedRois)
            {
                json.WriteStartObject();
                json.WriteString("structureSetSopInstanceUid", set.StructureSet.SopInstanceUid);
                json.WriteNumber("roiNumber", roi.Number);
                json.WriteString("name", roi.Name);
                json.WriteString("reason", roi.Reason);
                json.WriteEndObject();
            }
        json.WriteEndArray();
        plan?.WriteJson(json);
        Strings(json, "notes", result.Notes);
        json.WriteEndObject();
    }

    /// <summary>The JSON name of a role: lesion, wholeLiver, normalLiver, lung, perfusedRegion, other.</summary>
    public static string RoleName(RoiRole role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    /// <summary>How the dose was computed: kernel, spacing, density, half-life, decay reference, Y-90 evidence, energy balance.</summary>
    private static void WriteCalculation(Utf8JsonWriter json, DoseMapResult doseMap)
    {
        json.WriteStartObject("calculation");
        json.WriteString("kernel", doseMap.KernelDescription);
        json.WriteStartArray("calculationSpacingMm");
        json.WriteNumberValue(doseMap.CalculationSpacingMm.X);
        json.WriteNumberValue(doseMap.CalculationSpacingMm.Y);
        json.WriteNumberValue(doseMap.CalculationSpacingMm.Z);
        json.WriteEndArray();
        json.WriteNumberOrNull("densityGPerCm3", doseMap.DensityGPerCm3);
        json.WriteNumberOrNull("meanBetaEnergyMeV", doseMap.MeanBetaEnergyMeV);
        json.WriteNumberOrNull("halfLifeUsedS", doseMap.Y90.HalfLifeUsedS);
        json.WriteString("halfLifeSource", doseMap.Y90.HalfLifeSource);
        if (doseMap.Y90.HalfLifeOverride is { } halfLifeOverride) json.WriteString("halfLifeOverride", halfLifeOverride);
        json.WriteStartArray("y90Evidence");
        foreach (var evidence in doseMap.Y90.Evidence) json.WriteStringValue(evidence);
        json.WriteEndArray();
        json.WriteString("decayCorrection", doseMap.Decay.Mode.ToString().ToUpperInvariant());
        json.WriteString("decayReferenceRule", doseMap.Decay.ReferenceRule);
        json.WriteString("injectionDateTime", doseMap.Decay.InjectionDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumberOrNull("decayFactorToInjection", doseMap.Decay.FactorToInjection);
        json.WriteNumberOrNull("totalCumulatedActivityMBqS", doseMap.TotalCumulatedActivityMBqS);
        json.WriteNumberOrNull("energyEmittedJ", doseMap.Energy.EmittedJ);
        json.WriteNumberOrNull("energyDepositedInGridJ", doseMap.Energy.DepositedInGridJ);
        json.WriteNumberOrNull("energyDepositedFraction", doseMap.Energy.DepositedFractionOfEmitted);
        json.WriteEndObject();
    }

    /// <summary>Where the tissue density came from: the CT (series, calibration) or soft tissue assumed, and any CT not used with why.</summary>
    private static void WriteDensity(Utf8JsonWriter json, DensityProvenance density)
    {
        json.WriteStartObject("density");
        json.WriteBoolean("ctUsed", density.CtUsed);
        if (density.CtSeriesInstanceUid is { } uid) json.WriteString("ctSeriesInstanceUid", uid); else json.WriteNull("ctSeriesInstanceUid");
        if (density.CtSeriesDescription is { } description) json.WriteString("ctSeriesDescription", description);
        if (density.Calibration is { } calibration) json.WriteString("calibration", calibration); else json.WriteNull("calibration");
        if (!density.CtUsed) json.WriteString("assumption", DensityProvenance.SoftTissueAssumed);
        json.WriteString("statement", density.Statement);
        json.WriteNumber("voxelsOutsideCt", density.VoxelsOutsideCt);
        Strings(json, "ctNotUsed", density.CtNotUsed);
        json.WriteEndObject();
    }

    /// <summary>Lung mass, lung dose (EANM: CT lung mass) and the lung shunt fraction measured on the PET, with their definitions.</summary>
    private static void WriteLung(Utf8JsonWriter json, LungDosimetry lung)
    {
        json.WriteStartObject("lung");
        Strings(json, "rois", lung.RoiNames);
        json.WriteNumberOrNull("volumeMl", lung.VolumeMl);
        json.WriteNumberOrNull("massKg", lung.MassKg);
        json.WriteString("massSource", lung.MassSource);
        json.WriteNumberOrNull("activityAtInjectionMBq", lung.ActivityAtInjectionMBq);
        json.WriteNumberOrNull("activityForDoseMBq", lung.ActivityForDoseMBq);
        json.WriteNumberOrNull("doseGy", lung.DoseGy);
        json.WriteString("doseMethod", lung.DoseMethod);
        json.WriteNumberOrNull("petLungShuntFraction", lung.PetLungShuntFraction);
        json.WriteString("petLungShuntDefinition", LungDosimetry.ShuntDefinition);
        json.WriteEndObject();
    }

    private static void WriteGrid(Utf8JsonWriter json, DoseStudyResult result)
    {
        var g = result.DoseGy;
        json.WriteStartObject("doseGrid");
        json.WriteStartArray("size");
        json.WriteNumberValue(g.SizeX); json.WriteNumberValue(g.SizeY); json.WriteNumberValue(g.SizeZ);
        json.WriteEndArray();
        json.WriteStartArray("spacingMm");
        json.WriteNumberValue(g.SpacingMm.X); json.WriteNumberValue(g.SpacingMm.Y); json.WriteNumberValue(g.SpacingMm.Z);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRoi(Utf8JsonWriter json, RoiMetrics roi)
    {
        json.WriteStartObject();
        json.WriteString("name", roi.Name);
        if (roi.RoiNumber is { } number) json.WriteNumber("roiNumber", number); else json.WriteNull("roiNumber");
        json.WriteString("role", RoleName(roi.Role));
        json.WriteNumberOrNull("volumeMl", roi.VolumeMl);
        json.WriteNumberOrNull("equivalentDiameterMm", roi.EquivalentDiameterMm);
        json.WriteNumberOrNull("longestAxialDiameterMm", roi.LongestAxialDiameterMm ?? double.NaN);
        json.WriteNumberOrNull("meanGy", roi.MeanGy);
        json.WriteNumberOrNull("sdGy", roi.SdGy);
        json.WriteNumberOrNull("cov", roi.Cov);
        json.WriteNumberOrNull("minGy", roi.MinGy);
        json.WriteNumberOrNull("maxGy", roi.MaxGy);
        json.WriteNumberOrNull("medianGy", roi.MedianGy);
        foreach (var (x, dose) in roi.DxGy.OrderBy(p => p.Key)) json.WriteNumberOrNull($"d{x}Gy", dose);
        foreach (var (y, percent) in roi.VxPercent.OrderBy(p => p.Key)) json.WriteNumberOrNull($"v{y}Percent", percent);
        json.WriteNumberOrNull("bedGy", roi.BedGy ?? double.NaN);
        json.WriteNumberOrNull("eudGy", roi.EudGy ?? double.NaN);
        WriteAccuracy(json, roi);
        WriteFlags(json, roi.Flags);
        Strings(json, "notes", roi.Notes);
        json.WriteStartObject("dvh");
        json.WriteString("type", "cumulative");
        json.WriteStartArray("doseGy");
        foreach (var p in roi.Dvh) json.WriteNumberValue(Math.Round(p.DoseGy, 6));
        json.WriteEndArray();
        json.WriteStartArray("volumePercent");
        foreach (var p in roi.Dvh) json.WriteNumberValue(Math.Round(p.VolumePercent, 4));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Lesions: partial volume, the recovery-corrected mean (beside TDv, never instead) and the uncertainty (k = 1) with its components.</summary>
    private static void WriteAccuracy(Utf8JsonWriter json, RoiMetrics roi)
    {
        if (roi.PartialVolume is { } pv)
        {
            json.WriteStartObject("partialVolume");
            json.WriteBoolean("inRange", pv.InRange);
            json.WriteNumberOrNull("equivalentDiameterMm", pv.EquivalentDiameterMm);
            json.WriteNumberOrNull("resolutionFwhmMm", pv.FwhmMm);
            json.WriteString("resolutionSource", pv.FwhmSource);
            json.WriteNumberOrNull("limitDiameterMm", pv.LimitMm);
            json.WriteEndObject();
        }
        if (roi.RecoveryCorrected is { } rc)
        {
            json.WriteStartObject("recoveryCorrected");
            json.WriteString("label", "Partial-volume corrected estimate (not TDv)");
            json.WriteNumberOrNull("meanGy", rc.CorrectedMeanGy);
            json.WriteNumberOrNull("recoveryCoefficient", rc.Rc);
            json.WriteNumberOrNull("backgroundGy", rc.BackgroundGy);
            json.WriteString("method", rc.Method);
            json.WriteEndObject();
        }
        if (roi.Uncertainty is { } u)
        {
            json.WriteStartObject("uncertainty");
            json.WriteString("coverage", "k = 1 (standard uncertainty)");
            json.WriteString("method", "Gear et al., EJNMMI 2018;45:2456: independent components combined in quadrature");
            json.WriteNumberOrNull("combinedGy", u.CombinedGy);
            json.WriteStartArray("components");
            foreach (var c in u.Components)
            {
                json.WriteStartObject();
                json.WriteString("code", c.Code);
                json.WriteString("name", c.Name);
                json.WriteNumberOrNull("relative", c.Relative);
                json.WriteNumberOrNull("gy", c.Gy);
                json.WriteString("detail", c.Detail);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    private static void WriteFlags(Utf8JsonWriter json, IEnumerable<RoiFlag> flags)
    {
        json.WriteStartArray("flags");
        foreach (var flag in flags)
        {
            json.WriteStartObject();
            json.WriteString("code", flag.Code);
            json.WriteString("message", flag.Message);
            json.WriteString("source", flag.Source);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
