using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting.Common;

namespace VoxDose.Reporting.Model;

/// <summary>
/// Assembles a <see cref="DosimetryReport"/> from what the pipeline has: the dose engine's <see cref="DoseMapResult"/>,
/// the loaded <see cref="PetSeries"/>, the PET data sets as received, the ROI metrics (with masks for the images)
/// and the RTSTRUCT data set when one was applied.
/// </summary>
public static class DosimetryReportBuilder
{
    public static DosimetryReport Build(DoseMapResult dose, PetSeries pet, IReadOnlyList<DicomDataset> petDatasets,
        IReadOnlyList<ReportRoi> rois, string softwareVersion, DateTimeOffset createdAt,
        DicomDataset? rtStruct = null, IReadOnlyList<RoiFlag>? globalFlags = null)
    {
        ArgumentNullException.ThrowIfNull(dose);
        ArgumentNullException.ThrowIfNull(pet);
        ArgumentNullException.ThrowIfNull(petDatasets);
        if (petDatasets.Count == 0) throw new ArgumentException("No PET data set given.", nameof(petDatasets));
        var ordered = InSliceOrder(petDatasets, pet);
        return new DosimetryReport
        {
            Header = PetSource.HeaderFrom(ordered[0]),
            Sources = PetSource.ReferencesFrom(ordered, rtStruct),
            Calculation = new CalculationSummary { Method = dose.Method, Kernel = dose.KernelDescription, Parameters = Parameters(dose) },
            Qa = Qa(dose, pet),
            Rois = rois,
            GlobalFlags = globalFlags ?? [],
            PetBqPerMl = pet.ActivityBqPerMl,
            DoseGy = dose.DoseGy,
            SoftwareVersion = softwareVersion,
            CreatedAt = createdAt,
        };
    }

    /// <summary>The PET single-frame instances sorted along the volume's slice direction (as the loader sorted them).</summary>
    private static IReadOnlyList<DicomDataset> InSliceOrder(IReadOnlyList<DicomDataset> datasets, PetSeries pet)
    {
        var volume = pet.ActivityBqPerMl;
        if (datasets.Count != volume.SizeZ || datasets.Any(d => d.GetValueCount(DicomTag.ImagePositionPatient) != 3)) return datasets;
        return datasets.OrderBy(d =>
        {
            var p = d.GetDoubles(DicomTag.ImagePositionPatient);
            return p[0] * volume.SliceDirection.X + p[1] * volume.SliceDirection.Y + p[2] * volume.SliceDirection.Z;
        }).ToList();
    }

    private static List<ReportParameter> Parameters(DoseMapResult dose)
    {
        string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        var s = dose.CalculationSpacingMm;
        var list = new List<ReportParameter>
        {
            new("Half-life used", F(dose.Y90.HalfLifeUsedS, "F0"), "s"),
            new("Half-life source", dose.Y90.HalfLifeSource),
            new("Tissue density", F(dose.DensityGPerCm3, "G4"), "g/cm3"),
            new("Mean beta energy", F(dose.MeanBetaEnergyMeV, "G5"), "MeV"),
            new("Calculation grid", $"{F(s.X, "G4")} x {F(s.Y, "G4")} x {F(s.Z, "G4")}", "mm"),
            new("Injection", dose.Decay.InjectionDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new("Scan start", dose.Decay.AcquisitionStartDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new("Injection to scan", F(dose.Decay.InjectionToAcquisitionS / 3600.0, "F2"), "h"),
            new("Tissue density model", dose.Density is { } d
                ? $"density map ({d.Source}): voxel mass from density for LDM, VSV kernels scaled by density"
                : $"no CT used: soft tissue {F(dose.DensityGPerCm3, "G4")} g/cm3 assumed everywhere (lung dose underestimated; EANM 2022 asks for the CT lung mass)"),
            new("Decay correction", $"{dose.Decay.Mode.ToString().ToUpperInvariant()} ({dose.Decay.ReferenceRule})"),
            new("Cumulated activity", F(dose.TotalCumulatedActivityMBqS, "G6"), "MBq s"),
        };
        if (dose.ActivityScaling is { } a)
        {
            list.Add(new("Administered activity", F(a.AdministeredMBq, "F1"), "MBq"));
            list.Add(new("Residual activity", F(a.ResidualMBq, "F1"), "MBq"));
            list.Add(new("Lung shunt fraction", F(a.LungShuntFraction, "F3")));
            list.Add(new("Activity scaling factor", F(a.Factor, "F4")));
        }
        return list;
    }

    private static QaSummary Qa(DoseMapResult dose, PetSeries pet)
    {
        var administeredBq = dose.ActivityScaling is { } a ? a.AdministeredMBq * 1e6
            : dose.Options.AdministeredActivityMBq is { } o ? o * 1e6
            : pet.Header.RadionuclideTotalDoseBq;
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Decay Correction {dose.Decay.Mode.ToString().ToUpperInvariant()}: stored values x {dose.Decay.FactorToInjection:G6} = activity at injection ({dose.Decay.ReferenceRule})"),
            string.Create(CultureInfo.InvariantCulture,
                $"Energy deposited in the grid: {100 * dose.Energy.DepositedFractionOfEmitted:F1} % of the energy emitted"),
        };
        if (dose.Y90.HalfLifeOverride is { } over) notes.Add(over);
        notes.AddRange(dose.Y90.Warnings);
        notes.AddRange(dose.Notes);
        return new QaSummary
        {
            ActivityFoundBq = dose.TotalActivityAtInjectionMBq * 1e6,
            AdministeredActivityBq = administeredBq,
            Y90Recognition = dose.Y90.Summary,
            HalfLifeS = dose.Y90.HalfLifeUsedS,
            Notes = notes,
        };
    }
}
