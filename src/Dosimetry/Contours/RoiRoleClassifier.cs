using System.Text.RegularExpressions;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Contours;

/// <summary>Decides the <see cref="RoiRole"/> of an RTSTRUCT ROI from its name and RT ROI Interpreted Type.</summary>
public sealed class RoiRoleClassifier
{
    private readonly Regex[] _normalLiver;
    private readonly Regex[] _lesion;
    private readonly Regex[] _wholeLiver;
    private readonly Regex[] _lung;
    private readonly HashSet<string> _lesionTypes;

    public RoiRoleClassifier(RoiRoleOptions? options = null)
    {
        options ??= new RoiRoleOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(options));
        _normalLiver = Compile(options.NormalLiverPatterns);
        _lesion = Compile(options.LesionPatterns);
        _wholeLiver = Compile(options.WholeLiverPatterns);
        _lung = Compile(options.LungPatterns);
        _lesionTypes = new HashSet<string>(options.LesionInterpretedTypes.Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public RoiRole Classify(string roiName, string? interpretedType)
    {
        var name = roiName ?? "";
        if (Matches(_normalLiver, name)) return RoiRole.NormalLiver;
        if (interpretedType is not null && _lesionTypes.Contains(interpretedType.Trim())) return RoiRole.Lesion;
        if (Matches(_lesion, name)) return RoiRole.Lesion;
        if (Matches(_wholeLiver, name)) return RoiRole.WholeLiver;
        if (Matches(_lung, name)) return RoiRole.Lung;
        return RoiRole.Other;
    }

    private static bool Matches(Regex[] patterns, string name) => patterns.Any(p => p.IsMatch(name));

    private static Regex[] Compile(IReadOnlyList<string> patterns) =>
        [.. patterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
}
