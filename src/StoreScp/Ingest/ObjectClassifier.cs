using System.Globalization;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Ingest;

/// <summary>
/// Decides what a received object is for. A PET is taken as Y-90 by its Radionuclide Code Sequence
/// (14691008 SCT, legacy C-162A7 SRT), else by a half-life within 230 000-231 000 s (ENSDF 230 580 s; scanners
/// write 230 400-230 760 s), else by a description naming Y-90; the reason says which. Scanners often leave F-18
/// codes in place, so the half-life and description are checked too.
/// </summary>
public static class ObjectClassifier
{
    public const double Y90HalfLifeMinS = 230_000;
    public const double Y90HalfLifeMaxS = 231_000;

    public static (SeriesRole Role, string Reason) Classify(InstanceHeader header)
    {
        switch (header.SopClassUid)
        {
            case SopClasses.PetImage:
            case SopClasses.EnhancedPetImage:
                var why = WhyY90(header);
                return why is null
                    ? (SeriesRole.Ignored, $"PET whose radionuclide is not Y-90 (code '{header.RadionuclideCode ?? "none"}', half-life {Format(header.RadionuclideHalfLifeS)} s)")
                    : (SeriesRole.Y90Pet, why);
            case SopClasses.CtImage:
            case SopClasses.EnhancedCtImage:
                return (SeriesRole.Ct, "CT kept for the study");
            case SopClasses.RtStructureSet:
                return (SeriesRole.RtStruct, "RT Structure Set kept for contours");
            default:
                return (SeriesRole.Ignored, $"SOP class {header.SopClassUid} ({header.Modality}) is not used by the dose pipeline");
        }
    }

    private static string? WhyY90(InstanceHeader h)
    {
        if (h.RadionuclideCode is "14691008" or "C-162A7") return $"Y-90 by Radionuclide Code {h.RadionuclideCode}";
        if (h.RadionuclideHalfLifeS is >= Y90HalfLifeMinS and <= Y90HalfLifeMaxS) return $"Y-90 by half-life {Format(h.RadionuclideHalfLifeS)} s";
        var text = (h.RadiopharmaceuticalDescription ?? "").ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (text.Contains("Y-90", StringComparison.Ordinal) || text.Contains("Y90", StringComparison.Ordinal)
            || text.Contains("90Y", StringComparison.Ordinal) || text.Contains("YTTRIUM", StringComparison.Ordinal))
            return "Y-90 by radiopharmaceutical description";
        return null;
    }

    private static string Format(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "unknown";
}
