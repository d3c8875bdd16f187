using System.Text.Json;
using VoxDose.Dosimetry.Nm;

namespace VoxDose.Dosimetry.Planning;

/// <summary>
/// Writes <c>plan.json</c> (schema in docs/planning.md). Activities in MBq, doses in Gy, volumes in mL, masses in kg,
/// fractions 0-1; a value that was not computed is null, and <c>noPartitionReason</c> says why.
/// </summary>
public static class PlanJsonWriter
{
    public const int SchemaVersion = 1;

    public static void Write(TreatmentPlan plan, NmImage spect, string path, string softwareVersion)
    {
        using var stream = File.Create(path);
        Write(plan, spect, stream, softwareVersion);
    }

    public static void Write(TreatmentPlan plan, NmImage spect, Stream stream, string softwareVersion)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("software", "VoxDose " + softwareVersion);
        json.WriteString("spectSeriesInstanceUid", spect.SeriesInstanceUid);
        json.WriteString("frameOfReferenceUid", spect.Counts?.FrameOfReferenceUid);
        json.WriteString("radiopharmaceutical", spect.Recognition.Summary);
        json.WriteString("microspheres", plan.Microspheres.ToString().ToLowerInvariant());
        Number(json, "lungShuntFraction", plan.LungShuntFraction);
        json.WriteString("lungShuntSource", plan.LungShuntSource);
        Number(json, "administeredActivityMBq", plan.AdministeredActivityMBq);
        json.WriteString("administeredActivitySource", plan.AdministeredActivitySource);
        if (plan.Prescription is { } p)
        {
            json.WriteStartObject("prescription");
            json.WriteNumber("targetTumourGy", p.TargetTumourGy);
            json.WriteNumber("activityMBq", p.ActivityMBq);
            json.WriteString("bindingLimit", p.BindingLimit);
            json.WriteNumber("achievedTumourGy", p.AchievedTumourGy);
            json.WriteNumber("targetActivityMBq", p.TargetActivityMBq);
            Number(json, "normalLiverLimitActivityMBq", p.NormalLiverLimitActivityMBq);
            Number(json, "lungLimitActivityMBq", p.LungLimitActivityMBq);
            json.WriteNumber("normalLiverLimitGy", p.NormalLiverLimitGy);
            json.WriteNumber("lungLimitGy", p.LungLimitGy);
            json.WriteString("normalLiverCompartment", p.NormalLiverCompartment);
            json.WriteEndObject();
        }
        else json.WriteNull("prescription");
        Number(json, "normalLiverGy", plan.NormalLiverGy);
        Number(json, "wholeNormalLiverGy", plan.WholeNormalLiverGy);
        Number(json, "lungGy", plan.LungGy);
        Number(json, "tumourGy", plan.TumourGy);
        Number(json, "singleCompartmentGy", plan.SingleCompartmentGy);
        Number(json, "bsaActivityMBq", plan.BsaActivityMBq);
        json.WriteString("noPartitionReason", plan.NoPartitionReason);
        json.WriteString("kernel", plan.KernelDescription);
        json.WriteStartArray("rois");
        foreach (var roi in plan.Rois)
        {
            json.WriteStartObject();
            json.WriteString("name", roi.Name);
            json.WriteString("role", RoleName(roi.Role));
            if (roi.RoiNumber is { } n) json.WriteNumber("roiNumber", n); else json.WriteNull("roiNumber");
            Number(json, "volumeMl", roi.VolumeMl);
            Number(json, "massKg", roi.MassKg);
            Number(json, "countsFraction", roi.CountsFraction);
            Number(json, "tumourToNormal", roi.TumourToNormal);
            Number(json, "partitionDoseGy", roi.PartitionDoseGy);
            Number(json, "predictedMeanGy", roi.PredictedMeanGy);
            Number(json, "predictedLdmMeanGy", roi.PredictedLdmMeanGy);
            json.WriteStartArray("dvh");
            foreach (var point in roi.Dvh)
            {
                json.WriteStartArray();
                json.WriteNumberValue(point.DoseGy);
                json.WriteNumberValue(point.VolumePercent);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            Strings(json, "notes", roi.Notes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notApplicableStructureSets");
        foreach (var set in plan.StructureSets.Where(s => !s.Applies))
        {
            json.WriteStartObject();
            json.WriteString("sopInstanceUid", set.StructureSet.SopInstanceUid);
            json.WriteString("source", set.StructureSet.Source);
            json.WriteString("reason", set.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Strings(json, "notes", [.. spect.LoadNotes, .. plan.Notes]);
        json.WriteEndObject();
    }

    /// <summary>plan.json role names: lesion, perfusedTerritory, wholeLiver, normalLiver, perfusedNormalLiver, wholeNormalLiver, lung, other.</summary>
    public static string RoleName(PlanRoiRole role) => role switch
    {
        PlanRoiRole.Lesion => "lesion",
        PlanRoiRole.PerfusedTerritory => "perfusedTerritory",
        PlanRoiRole.WholeLiver => "wholeLiver",
        PlanRoiRole.NormalLiver => "normalLiver",
        PlanRoiRole.PerfusedNormalLiver => "perfusedNormalLiver",
        PlanRoiRole.WholeNormalLiver => "wholeNormalLiver",
        PlanRoiRole.Lung => "lung",
        _ => "other",
    };

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
