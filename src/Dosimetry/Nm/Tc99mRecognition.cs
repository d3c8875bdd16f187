namespace VoxDose.Dosimetry.Nm;

/// <summary>Whether an NM series is Tc-99m and MAA, and why (each clue found, in words a physicist can check).</summary>
public sealed record Tc99mRecognition
{
    public required bool IsTc99m { get; init; }

    /// <summary>The radiopharmaceutical is macroaggregated albumin (by CID 25 code or text).</summary>
    public required bool IsMaa { get; init; }

    public required IReadOnlyList<string> Evidence { get; init; }

    /// <summary>Contradictions found (e.g. a non-Tc-99m radionuclide code on a 140 keV scan).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string Summary => (IsTc99m ? "Tc-99m" + (IsMaa ? " MAA" : " (radiopharmaceutical not recognised as MAA)") + " recognised by "
        : "not recognised as Tc-99m: ") + string.Join("; ", Evidence);
}
