namespace VoxDose.Dosimetry.Decay;

/// <summary>
/// The header facts of a PET series that the decay correction and the Y-90 recognition need, already parsed
/// (the PET loader fills it from DICOM; tests build it in memory). Times are scanner local times as written.
/// </summary>
public sealed record PetAcquisitionHeader
{
    /// <summary>Units (0054,1001) after unit conversion by the loader, e.g. "BQML".</summary>
    public string? Units { get; init; }

    /// <summary>Decay Correction (0054,1102): START, ADMIN or NONE.</summary>
    public string? DecayCorrection { get; init; }

    /// <summary>Series Date + Series Time (0008,0021/0031).</summary>
    public DateTime? SeriesDateTime { get; init; }

    /// <summary>The earliest Acquisition Date + Time (0008,0022/0032) over the slices (or Acquisition DateTime).</summary>
    public DateTime? EarliestAcquisitionDateTime { get; init; }

    /// <summary>Radiopharmaceutical Start DateTime (0018,1078), or Start Time (0018,1072) on the series date: the injection.</summary>
    public DateTime? InjectionDateTime { get; init; }

    /// <summary>Radionuclide Half Life (0018,1075) in seconds, as written.</summary>
    public double? RadionuclideHalfLifeS { get; init; }

    /// <summary>Radionuclide Total Dose (0018,1074) converted to Bq by the loader (PET Image Storage writes Bq).</summary>
    public double? RadionuclideTotalDoseBq { get; init; }

    /// <summary>Radionuclide Code Sequence (0054,0300) item: code value, coding scheme designator, code meaning.</summary>
    public string? RadionuclideCodeValue { get; init; }
    public string? RadionuclideCodingScheme { get; init; }
    public string? RadionuclideCodeMeaning { get; init; }

    /// <summary>Radiopharmaceutical (0018,0031) text.</summary>
    public string? Radiopharmaceutical { get; init; }

    /// <summary>Series Description (0008,103E).</summary>
    public string? SeriesDescription { get; init; }

    /// <summary>Manufacturer's Model Name (0008,1090): picks the reconstruction's resolution for the partial-volume flags.</summary>
    public string? ManufacturerModelName { get; init; }
}
