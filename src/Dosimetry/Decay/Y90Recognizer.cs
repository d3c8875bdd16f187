using System.Globalization;
using System.Text.RegularExpressions;
using VoxDose.Dosimetry.Physics;

namespace VoxDose.Dosimetry.Decay;

/// <summary>
/// Decides whether a PET series shows Y-90 from three independent clues: the radionuclide code (SCT 14691008 or
/// legacy SRT C-162A7), the Radionuclide Half Life within 0.5 % of 230 580 s, and the text of the code meaning,
/// radiopharmaceutical or series description ("Y-90", "90Y", "Yttrium", "SIR-Spheres", "TheraSphere").
/// </summary>
public static partial class Y90Recognizer
{
    public static Y90Recognition Recognize(PetAcquisitionHeader header)
    {
        var evidence = new List<string>();
        var warnings = new List<string>();
        var code = header.RadionuclideCodeValue?.Trim();
        var scheme = header.RadionuclideCodingScheme?.Trim();
        var byCode = code == Y90Constants.SctCode || code == Y90Constants.SrtCode;
        if (byCode) evidence.Add($"radionuclide code {code} ({scheme})");
        else if (!string.IsNullOrEmpty(code)) warnings.Add($"Radionuclide Code Sequence (0054,0300) holds {code} ({scheme}, \"{header.RadionuclideCodeMeaning}\"), not Y-90.");

        var headerHalfLife = header.RadionuclideHalfLifeS;
        var byHalfLife = headerHalfLife is { } h && Y90Constants.IsY90HalfLife(h);
        if (byHalfLife) evidence.Add(string.Create(CultureInfo.InvariantCulture, $"half-life {headerHalfLife:0.#} s within 0.5 % of {Y90Constants.HalfLifeS:0} s"));

        foreach (var (label, text) in new[] { ("code meaning", header.RadionuclideCodeMeaning), ("radiopharmaceutical", header.Radiopharmaceutical), ("series description", header.SeriesDescription) })
            if (text is not null && Y90Text().IsMatch(text)) evidence.Add($"{label} \"{text.Trim()}\"");

        var isY90 = evidence.Count > 0;
        string source;
        string? overrideNote = null;
        double used;
        if (byHalfLife)
        {
            used = headerHalfLife!.Value;
            source = "Radionuclide Half Life (0018,1075) in the header";
        }
        else
        {
            used = Y90Constants.HalfLifeS;
            source = "Y-90 half-life 64.05 h = 230 580 s (ENSDF)";
            if (headerHalfLife is { } wrong && isY90)
            {
                var which = Math.Abs(wrong - Y90Constants.F18HalfLifeS) < 1.0 ? " (the F-18 half-life: a common mislabel of Y-90 scans)" : "";
                overrideNote = string.Create(CultureInfo.InvariantCulture,
                    $"Header Radionuclide Half Life {wrong:0.#} s{which} contradicts the Y-90 evidence; 230 580 s used instead");
                source += ", header value overridden";
            }
            else if (headerHalfLife is null) source += ", no half-life in the header";
        }
        if (!isY90)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture,
                $"code {code ?? "absent"}, half-life {(headerHalfLife is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) + " s" : "absent")}, radiopharmaceutical \"{header.Radiopharmaceutical}\", series \"{header.SeriesDescription}\""));
        }
        return new Y90Recognition
        {
            IsY90 = isY90,
            Evidence = evidence,
            HeaderHalfLifeS = headerHalfLife,
            HalfLifeUsedS = used,
            HalfLifeSource = source,
            HalfLifeOverride = overrideNote,
            Warnings = warnings,
        };
    }

    [GeneratedRegex(@"(?<![a-z0-9])(y[\s\-\^]?90|90[\s\-\^]?y|\^90\^y|yttrium|sir[\s\-]?spheres?|therasphere)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Y90Text();
}
