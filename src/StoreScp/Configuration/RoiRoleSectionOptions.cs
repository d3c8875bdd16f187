using VoxDose.Dosimetry.Contours;

namespace VoxDose.StoreScp.Configuration;

/// <summary>
/// Section <c>VoxDose:Dosimetry:RoiRoles</c>: the case-insensitive regular expressions on ROI names that decide each
/// ROI's role (defaults: <see cref="RoiRoleOptions"/>). A list given in the file replaces the default list.
/// </summary>
public sealed class RoiRoleSectionOptions
{
    private static readonly RoiRoleOptions Defaults = new();

    public List<string> NormalLiverPatterns { get; set; } = [];
    public List<string> LesionPatterns { get; set; } = [];
    public List<string> WholeLiverPatterns { get; set; } = [];
    public List<string> LungPatterns { get; set; } = [];
    public List<string> LesionInterpretedTypes { get; set; } = [];

    public void ApplyListDefaults()
    {
        if (NormalLiverPatterns.Count == 0) NormalLiverPatterns.AddRange(Defaults.NormalLiverPatterns);
        if (LesionPatterns.Count == 0) LesionPatterns.AddRange(Defaults.LesionPatterns);
        if (WholeLiverPatterns.Count == 0) WholeLiverPatterns.AddRange(Defaults.WholeLiverPatterns);
        if (LungPatterns.Count == 0) LungPatterns.AddRange(Defaults.LungPatterns);
        if (LesionInterpretedTypes.Count == 0) LesionInterpretedTypes.AddRange(Defaults.LesionInterpretedTypes);
    }

    public RoiRoleOptions ToEngine() => new()
    {
        NormalLiverPatterns = [.. NormalLiverPatterns], LesionPatterns = [.. LesionPatterns], WholeLiverPatterns = [.. WholeLiverPatterns],
        LungPatterns = [.. LungPatterns], LesionInterpretedTypes = [.. LesionInterpretedTypes],
    };
}
