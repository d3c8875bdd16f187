using System.Globalization;
using System.Text.RegularExpressions;
using VoxDose.Dosimetry.Physics;

namespace VoxDose.Dosimetry.Nm;

/// <summary>
/// Decides whether an NM series shows Tc-99m (and whether it is MAA) from independent clues, as
/// <see cref="Decay.Y90Recognizer"/> does for Y-90: the radionuclide code (CID 18: SCT 72454006, legacy SRT C-163A8),
/// the half-life within 1 % of 21 624 s, an energy window containing the 140.5 keV photopeak, and the text of the
/// code meaning, radiopharmaceutical, energy window name or series description ("Tc99m", "99mTc", "Technetium").
/// MAA by CID 25 code (SCT 85693008 / 81761004) or the text "MAA" / "macroaggregated albumin". Real headers often carry
/// text only (e.g. Energy Window Name "99m Technetium"): text alone counts, and the evidence says so.
/// </summary>
public static partial class Tc99mRecognizer
{
    public static Tc99mRecognition Recognize(NmRadiopharmaceutical header)
    {
        var evidence = new List<string>();
        var warnings = new List<string>();
        var code = header.RadionuclideCodeValue?.Trim();
        if (code is Tc99mConstants.SctCode or Tc99mConstants.SrtCode) evidence.Add($"radionuclide code {code} ({header.RadionuclideCodingScheme?.Trim()})");
        else if (!string.IsNullOrEmpty(code))
            warnings.Add($"Radionuclide Code Sequence (0054,0300) holds {code} ({header.RadionuclideCodingScheme?.Trim()}, \"{header.RadionuclideCodeMeaning}\"), not Tc-99m.");

        if (header.RadionuclideHalfLifeS is { } h && Tc99mConstants.IsTc99mHalfLife(h))
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"half-life {h:0.#} s within 1 % of {Tc99mConstants.HalfLifeS:0} s"));

        foreach (var window in header.EnergyWindows)
            foreach (var (lower, upper) in window.RangesKeV)
                if (Tc99mConstants.WindowContainsPhotopeak(lower, upper))
                {
                    evidence.Add(string.Create(CultureInfo.InvariantCulture, $"energy window {lower:0.#}-{upper:0.#} keV contains the 140.5 keV photopeak"));
                    goto windowsDone;
                }
        windowsDone:

        var texts = new List<(string Label, string? Text)>
        {
            ("code meaning", header.RadionuclideCodeMeaning), ("radiopharmaceutical", header.Radiopharmaceutical),
            ("radiopharmaceutical code meaning", header.RadiopharmaceuticalCodeMeaning), ("series description", header.SeriesDescription),
        };
        texts.AddRange(header.EnergyWindows.Select(w => ("energy window name", w.Name)));
        foreach (var (label, text) in texts)
            if (text is not null && Tc99mText().IsMatch(text)) evidence.Add($"{label} \"{text.Trim()}\"");

        var maaEvidence = new List<string>();
        var drugCode = header.RadiopharmaceuticalCodeValue?.Trim();
        if (drugCode is not null && Tc99mConstants.MaaCodes.Contains(drugCode)) maaEvidence.Add($"radiopharmaceutical code {drugCode}");
        foreach (var (label, text) in texts)
            if (text is not null && MaaText().IsMatch(text)) maaEvidence.Add($"{label} \"{text.Trim()}\" names MAA");

        var isTc = evidence.Count > 0;
        if (!isTc)
            evidence.Add($"code {code ?? "absent"}, half-life {(header.RadionuclideHalfLifeS is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) + " s" : "absent")}, "
                + $"{header.EnergyWindows.Sum(w => w.RangesKeV.Count)} energy window range(s) without 140.5 keV, radiopharmaceutical \"{header.Radiopharmaceutical}\"");
        return new Tc99mRecognition { IsTc99m = isTc, IsMaa = isTc && maaEvidence.Count > 0, Evidence = [.. evidence, .. maaEvidence], Warnings = warnings };
    }

    [GeneratedRegex(@"(?<![a-z0-9])(tc[\s\-\^]?99m|99m[\s\-\^]?tc|\^99m\^tc|technetium)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tc99mText();

    [GeneratedRegex(@"(?<![a-z0-9])(maa|macro[\s\-]?aggregated\s+albumin|(micro)?aggregated\s+albumin)(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaaText();
}
