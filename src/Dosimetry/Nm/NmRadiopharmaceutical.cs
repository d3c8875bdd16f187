namespace VoxDose.Dosimetry.Nm;

/// <summary>
/// What an NM header says about the radionuclide and the radiopharmaceutical, already parsed (the NM loader fills it;
/// tests build it in memory).
/// </summary>
public sealed record NmRadiopharmaceutical
{
    /// <summary>Radionuclide Code Sequence (0054,0300) item of the Radiopharmaceutical Information Sequence (0054,0016).</summary>
    public string? RadionuclideCodeValue { get; init; }
    public string? RadionuclideCodingScheme { get; init; }
    public string? RadionuclideCodeMeaning { get; init; }

    /// <summary>Radiopharmaceutical Code Sequence (0054,0304) code value and meaning.</summary>
    public string? RadiopharmaceuticalCodeValue { get; init; }
    public string? RadiopharmaceuticalCodeMeaning { get; init; }

    /// <summary>Radiopharmaceutical (0018,0031) text.</summary>
    public string? Radiopharmaceutical { get; init; }

    /// <summary>Radionuclide Half Life (0018,1075), s.</summary>
    public double? RadionuclideHalfLifeS { get; init; }

    /// <summary>Energy windows of the Energy Window Information Sequence (0054,0012): name and ranges in keV.</summary>
    public IReadOnlyList<NmEnergyWindow> EnergyWindows { get; init; } = [];

    /// <summary>Series Description (0008,103E).</summary>
    public string? SeriesDescription { get; init; }
}

/// <summary>One energy window: Energy Window Name (0054,0018) and its Energy Window Range Sequence (0054,0013) limits (keV).</summary>
public sealed record NmEnergyWindow(string? Name, IReadOnlyList<(double LowerKeV, double UpperKeV)> RangesKeV);
