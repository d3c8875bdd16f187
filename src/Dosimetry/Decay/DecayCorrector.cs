using System.Globalization;

namespace VoxDose.Dosimetry.Decay;

/// <summary>
/// Brings stored PET activity back to the injection time (Radiopharmaceutical Start DateTime).
/// </summary>
/// <remarks>
/// The stored value v refers to the scanner's reference time t_ref, corrected with the scanner's half-life
/// (λ_s, from the header). The activity at acquisition start t_a is v e^{-λ_s (t_a - t_ref)}, and at injection
/// A0 = v e^{-λ_s (t_a - t_ref)} e^{+λ (t_a - t_inj)}, with λ the Y-90 decay constant. Hence:
/// START (t_ref = t_a): A0 = v e^{λ (t_a - t_inj)};
/// ADMIN (t_ref = t_inj): A0 = v e^{(λ - λ_s)(t_a - t_inj)}, = v when the scanner used the right half-life;
/// NONE (t_ref = t_a, per slice): A0 = v e^{λ (t_slice - t_inj)}.
/// Reference time rule for START: Series Date/Time, unless it is later than the earliest Acquisition Date/Time
/// (some scanners write the reconstruction time as Series Time), in which case the earliest acquisition time.
/// Decay during a frame (0.1 % for a 20-minute Y-90 frame) is neglected.
/// </remarks>
public static class DecayCorrector
{
    public static DecayCorrectionRecord Resolve(PetAcquisitionHeader header, Y90Recognition recognition)
    {
        var mode = ParseMode(header.DecayCorrection);
        var injection = header.InjectionDateTime
            ?? throw new DoseInputException("Radiopharmaceutical Start DateTime (0018,1078) / Start Time (0018,1072) is missing: the injection time is needed to decay-correct to injection.");
        var acquisition = header.EarliestAcquisitionDateTime ?? header.SeriesDateTime
            ?? throw new DoseInputException("Neither Acquisition Date/Time (0008,0022/0032) nor Series Date/Time (0008,0021/0031) is present: the acquisition start is unknown.");

        DateTime reference;
        string rule;
        switch (mode)
        {
            case DecayCorrectionMode.Start:
                if (header.SeriesDateTime is { } series && header.EarliestAcquisitionDateTime is { } earliest && series > earliest)
                {
                    reference = earliest;
                    rule = string.Create(CultureInfo.InvariantCulture,
                        $"START: Series Time {series:HH:mm:ss} postdates the earliest Acquisition Time {earliest:HH:mm:ss} by {(series - earliest).TotalSeconds:0} s; the earliest acquisition time is the reference");
                }
                else if (header.SeriesDateTime is { } s)
                {
                    reference = s;
                    rule = "START: Series Date/Time is the reference (not later than the earliest acquisition time)";
                }
                else
                {
                    reference = acquisition;
                    rule = "START: no Series Date/Time; the earliest acquisition time is the reference";
                }
                acquisition = reference;
                break;
            case DecayCorrectionMode.Admin:
                reference = injection;
                rule = "ADMIN: values refer to the injection time";
                break;
            default:
                reference = acquisition;
                rule = "NONE: values refer to each slice's acquisition time (earliest acquisition time when a slice has none)";
                break;
        }

        var elapsedS = (acquisition - injection).TotalSeconds;
        if (elapsedS < 0)
            throw new DoseInputException(string.Create(CultureInfo.InvariantCulture,
                $"The acquisition ({acquisition:yyyy-MM-dd HH:mm:ss}) precedes the injection ({injection:yyyy-MM-dd HH:mm:ss}) by {-elapsedS:0} s: check Radiopharmaceutical Start DateTime (0018,1078) and Acquisition Time (0008,0032)."));
        if (elapsedS > 60 * 86400)
            throw new DoseInputException(string.Create(CultureInfo.InvariantCulture,
                $"The acquisition is {elapsedS / 86400:0.#} days after the injection (more than 60 days, 22 Y-90 half-lives): check Radiopharmaceutical Start DateTime (0018,1078)."));

        var lambda = Math.Log(2.0) / recognition.HalfLifeUsedS;
        var scannerHalfLife = recognition.HeaderHalfLifeS ?? recognition.HalfLifeUsedS;
        var lambdaScanner = Math.Log(2.0) / scannerHalfLife;
        var factor = mode switch
        {
            DecayCorrectionMode.Admin => Math.Exp((lambda - lambdaScanner) * elapsedS),
            _ => Math.Exp(lambda * elapsedS),
        };
        return new DecayCorrectionRecord
        {
            Mode = mode,
            InjectionDateTime = injection,
            ReferenceDateTime = reference,
            AcquisitionStartDateTime = acquisition,
            ReferenceRule = rule,
            ScannerHalfLifeS = scannerHalfLife,
            HalfLifeS = recognition.HalfLifeUsedS,
            FactorToInjection = factor,
        };
    }

    /// <summary>The factor for one slice: its own acquisition time under NONE, the series factor otherwise.</summary>
    public static double SliceFactorToInjection(DecayCorrectionRecord record, DateTime? sliceAcquisitionDateTime)
    {
        if (record.Mode != DecayCorrectionMode.None || sliceAcquisitionDateTime is null) return record.FactorToInjection;
        var elapsedS = (sliceAcquisitionDateTime.Value - record.InjectionDateTime).TotalSeconds;
        return Math.Exp(Math.Log(2.0) / record.HalfLifeS * elapsedS);
    }

    public static DecayCorrectionMode ParseMode(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "START" => DecayCorrectionMode.Start,
        "ADMIN" => DecayCorrectionMode.Admin,
        "NONE" => DecayCorrectionMode.None,
        null or "" => throw new DoseInputException("Decay Correction (0054,1102) is missing: cannot tell which time the activity refers to."),
        _ => throw new DoseInputException($"Decay Correction (0054,1102) is '{value}'; expected START, ADMIN or NONE."),
    };
}
