using System.Text.RegularExpressions;

namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// Case-insensitive regular expressions on the ROI Name that decide an ROI's role (config section "RoiRoles").
/// Checked in this order: normal liver, lesion (also RT ROI Interpreted Type GTV/PTV/CTV), whole liver, lung.
/// </summary>
public sealed record RoiRoleOptions
{
    public const string SectionName = "RoiRoles";

    public IReadOnlyList<string> NormalLiverPatterns { get; init; } =
    [
        @"normal[\s_\-]*liver", @"healthy[\s_\-]*liver", @"non[\s_\-]*tumou?r(al)?[\s_\-]*liver",
        @"liver[\s_\-]*(minus|sub|w/?o|-)[\s_\-]*(gtv|tumou?r|lesions?|hcc)",
    ];

    public IReadOnlyList<string> LesionPatterns { get; init; } = ["gtv", "tumou?r", "lesion", "hcc"];
    public IReadOnlyList<string> WholeLiverPatterns { get; init; } = ["liver"];
    public IReadOnlyList<string> LungPatterns { get; init; } = ["lung"];

    /// <summary>RT ROI Interpreted Types (3006,00A4) that make an ROI a lesion whatever its name.</summary>
    public IReadOnlyList<string> LesionInterpretedTypes { get; init; } = ["GTV", "PTV", "CTV"];

    public IReadOnlyList<string> Validate(string path = SectionName)
    {
        var errors = new List<string>();
        foreach (var (name, list) in new[] { ("NormalLiverPatterns", NormalLiverPatterns), ("LesionPatterns", LesionPatterns),
                     ("WholeLiverPatterns", WholeLiverPatterns), ("LungPatterns", LungPatterns) })
        {
            for (var i = 0; i < list.Count; i++)
            {
                try { _ = new Regex(list[i], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
                catch (ArgumentException e) { errors.Add($"{path}:{name}:{i} is not a valid regular expression ({e.Message})."); }
            }
        }
        return errors;
    }
}
