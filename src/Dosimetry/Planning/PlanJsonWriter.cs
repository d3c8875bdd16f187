using System.Text.Json;
using VoxDose.Dosimetry.Nm;
using VoxDose.Dosimetry.IO;

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
        json.WriteNumberOrNull("lungShuntFraction", plan.LungShuntFraction);
        json.WriteString("lungShuntSource", plan.LungShuntSource);
        json.WriteNumberOrNull("administeredActivityMBq", plan.AdministeredActivityMBq);
        json.WriteString("administeredActivitySource", plan.AdministeredActivitySource);
        if (plan.Prescription is { } p)
        {
            json.WriteStartObject("prescription");
            json.WriteNumber("targetTumourGy", p.TargetTumourGy);
            json.WriteNumber("activityMBq", p.ActivityMBq);
            json.WriteString("bindingLimit", p.BindingLimit);
            json.WriteNumber("achievedTumourGy", p.AchievedTumourGy);
            json.WriteNumber("targetActivityMBq", p.TargetActivityMBq);
            json.WriteNumberOrNull("normalLiverLimitActivityMBq", p.NormalLiverLimitActivityMBq);
            json.WriteNumberOrNull("lungLimitActivityMBq", p.LungLimitActivityMBq);
            json.WriteNumber("normalLiverLimitGy", p.NormalLiverLimitGy);
            json.WriteNumber("lungLimitGy", p.LungLimitGy);
            json.WriteString("normalLiverCompartment", p.NormalLiverCompartment);
            json.WriteEndObject();
        }
        else json.WriteNull("prescription");
        json.WriteNumberOrNull("normalLiverGy", plan.NormalLiverGy);
        json.WriteNumberOrNull("wholeNormalLiverGy", plan.WholeNormalLiverGy);
        json.WriteNumberOrNull("lungGy", plan.LungGy);
        json.WriteNumberOrNull("tumourGy", plan.TumourGy);
        json.WriteNumberOrNull("singleCompartmentGy", plan.SingleCompartmentGy);
        json.WriteNumberOrNull("bsaActivityMBq", plan.BsaActivityMBq);
        json.WriteString("noPartitionReason", plan.NoPartitionReason);
        json.WriteString("kernel", plan.KernelDescription);
        json.WriteStartArray("rois");
        foreach (var roi in plan.Rois)
        {
            json.WriteStartObject();
            json.WriteString("name", roi.Name);
            json.WriteString("role", RoleName(roi.Role));
            if (roi.RoiNumber is { } n) json.WriteNumber("roiNumber", n); else json.WriteNull("roiNumber");
            json.WriteNumberOrNull("volumeMl", roi.VolumeMl);
            json.WriteNumberOrNull("massKg", roi.MassKg);
            json.WriteNumberOrNull("countsFraction", roi.CountsFraction);
            json.WriteNumberOrNull("tumourToNormal", roi.TumourToNormal);
            json.WriteNumberOrNull("partitionDoseGy", roi.PartitionDoseGy);
            json.WriteNumberOrNull("predictedMeanGy", roi.PredictedMeanGy);
            json.WriteNumberOrNull("predictedLdmMeanGy", roi.PredictedLdmMeanGy);
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


    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
