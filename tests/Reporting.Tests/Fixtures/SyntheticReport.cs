using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Tests.Fixtures;

/// <summary>
/// A small phantom report: an ellipsoidal liver with two hot spherical lesions in a 64 x 56 x 20 PET grid of
/// 4.07 x 4.07 x 5 mm, a dose map proportional to the PET (LDM-like: 49.76 Gy kg/GBq over 1.04 g/ml), binary masks
/// and metrics computed here from the masks (so the numbers in the outputs can be checked against these).
/// </summary>
internal static class SyntheticReport
{
    public const string PetStudyUid = "1.2.826.0.1.3680043.8.498.1001";
    public const string PetSeriesUid = "1.2.826.0.1.3680043.8.498.1002";
    public const string FrameOfReferenceUid = "1.2.826.0.1.3680043.8.498.1003";
    public const string RtStructUid = "1.2.826.0.1.3680043.8.498.1004";
    public static readonly string[] RoiNames = ["Lesion 1 (seg VIII)", "Lesion_2", "Liver"];

    public static DosimetryReport Create(int sizeX = 64, int sizeY = 56, int sizeZ = 20)
    {
        var spacing = new Vec3(4.07, 4.07, 5.0);
        var origin = new Vec3(-130.24, -110.5, -412.0);
        var pet = new Volume(sizeX, sizeY, sizeZ, spacing, origin, frameOfReferenceUid: FrameOfReferenceUid);
        var liver = pet.WithSameGeometry();
        var lesion1 = pet.WithSameGeometry();
        var lesion2 = pet.WithSameGeometry();
        var c = new Vec3(sizeX * 0.5, sizeY * 0.5, sizeZ * 0.5);
        for (var k = 0; k < sizeZ; k++)
            for (var j = 0; j < sizeY; j++)
                for (var i = 0; i < sizeX; i++)
                {
                    double bq = 2_000;
                    var inLiver = Sq((i - c.X) / (sizeX * 0.38)) + Sq((j - c.Y) / (sizeY * 0.33)) + Sq((k - c.Z) / (sizeZ * 0.45)) <= 1;
                    if (inLiver) { bq = 400_000; liver[i, j, k] = 1; }
                    var d1 = Math.Sqrt(Sq((i - c.X + 10) * 4.07) + Sq((j - c.Y + 3) * 4.07) + Sq((k - c.Z) * 5.0));
                    var d2 = Math.Sqrt(Sq((i - c.X - 9) * 4.07) + Sq((j - c.Y - 5) * 4.07) + Sq((k - c.Z - 3) * 5.0));
                    if (d1 <= 18) { lesion1[i, j, k] = 1; bq = 2_500_000 * (1.2 - d1 / 40); }
                    if (d2 <= 12) { lesion2[i, j, k] = 1; bq = 1_500_000 * (1.2 - d2 / 40); }
                    pet[i, j, k] = (float)bq;
                }
        // LDM with the physical half-life: dose [Gy] = A [Bq/ml] * T1/2 / ln 2 * E [J] / rho [kg/ml].
        var dose = pet.WithSameGeometry(pet.Voxels.Select(a => (float)(a * 230_580 / Math.Log(2) * 0.9336 * 1.602176634e-13 / 1.04e-3)).ToArray());
        var rois = new List<ReportRoi>
        {
            new() { Metrics = Metrics(RoiNames[0], RoiRole.Lesion, 1, dose, lesion1), Mask = lesion1 },
            new() { Metrics = Metrics(RoiNames[1], RoiRole.Lesion, 2, dose, lesion2), Mask = lesion2 },
            new() { Metrics = Metrics(RoiNames[2], RoiRole.WholeLiver, 3, dose, liver), Mask = liver },
        };
        var activityFoundBq = pet.Voxels.Sum(v => (double)v) * pet.VoxelVolumeMl;
        return new DosimetryReport
        {
            Header = new PatientStudyHeader
            {
                PatientName = "Fantôme^Foie^A", PatientId = "VX-0001", PatientBirthDate = "19560312", PatientSex = "F",
                StudyInstanceUid = PetStudyUid, StudyDate = "20260310", StudyTime = "101500", StudyId = "S1", AccessionNumber = "ACC42",
                ReferringPhysicianName = "Ref^Doc", StudyDescription = "PET Y90 post TARE", InstitutionName = "VoxDose Test Hospital",
            },
            Sources = new SourceReferences
            {
                PetSeriesInstanceUid = PetSeriesUid,
                PetInstances = Enumerable.Range(1, sizeZ).Select(k => new SopReference("1.2.840.10008.5.1.4.1.1.128", $"{PetSeriesUid}.{k}")).ToList(),
                FrameOfReferenceUid = FrameOfReferenceUid,
                PetSeriesDescription = "Y90 PET OSEM 2i21s",
                RtStruct = new SopReference("1.2.840.10008.5.1.4.1.1.481.3", RtStructUid),
                RtStructSeriesInstanceUid = RtStructUid + ".1",
            },
            Calculation = new CalculationSummary
            {
                Method = DoseMethod.Vsv,
                Kernel = "Lanconelli 2012 Y-90 VSV, soft tissue, 3 mm",
                Parameters = [new("Half-life", "230580", "s"), new("Tissue density", "1.04", "g/ml"), new("Resampled voxel", "3", "mm")],
            },
            Qa = new QaSummary
            {
                ActivityFoundBq = activityFoundBq, AdministeredActivityBq = activityFoundBq / 0.93,
                Y90Recognition = "Radionuclide Code Sequence (14691008, SCT) and half-life 230580 s within tolerance",
                HalfLifeS = 230_580, Notes = ["Decay Correction START, corrected to administration"],
            },
            Rois = rois,
            GlobalFlags = [new RoiFlag("RECOVERY", "Activity found is 93 % of the administered activity", "EANM 2022")],
            PetBqPerMl = pet,
            DoseGy = dose,
            SoftwareVersion = "0.1.0-test",
            CreatedAt = new DateTimeOffset(2026, 3, 11, 9, 30, 0, TimeSpan.Zero),
        };
    }

    /// <summary>Plain binary-mask statistics (the fixture's own, independent of the Dosimetry code).</summary>
    public static RoiMetrics Metrics(string name, RoiRole role, int? number, Volume dose, Volume mask)
    {
        var values = dose.Voxels.Where((_, i) => mask.Voxels[i] >= 0.5f).Select(v => (double)v).OrderBy(v => v).ToArray();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => Sq(v - mean)) / values.Length);
        double AtLeast(double gy) => 100.0 * values.Count(v => v >= gy) / values.Length;
        double Dx(int x) => values[(int)Math.Floor((1 - x / 100.0) * (values.Length - 1))];
        var dvh = Enumerable.Range(0, 101).Select(s => values[^1] * s / 100).Select(d => new DvhPoint(d, AtLeast(d))).ToList();
        var flags = mean < 81 && role == RoiRole.Lesion
            ? new List<RoiFlag> { new("TDV_BELOW_81GY", $"Mean dose {mean:F1} Gy is below the 81 Gy cut-off", "Yoo et al., Nucl Med Commun 2021") }
            : [];
        return new RoiMetrics
        {
            Name = name, Role = role, RoiNumber = number, VolumeMl = values.Length * dose.VoxelVolumeMl, MeanGy = mean, SdGy = sd, Cov = sd / mean,
            MinGy = values[0], MaxGy = values[^1], MedianGy = values[values.Length / 2],
            DxGy = new Dictionary<int, double> { [70] = Dx(70), [90] = Dx(90) },
            VxPercent = new Dictionary<int, double> { [100] = AtLeast(100), [120] = AtLeast(120) },
            Dvh = dvh, Flags = flags,
            PartialVolume = role == RoiRole.Lesion ? new PartialVolumeAssessment(20, 10, "default", 3) : null,
            RecoveryCorrected = role == RoiRole.Lesion ? new RecoveryCorrectedDose(0.5, 30, 30 + (mean - 30) / 0.5, "fixture") : null,
            Uncertainty = role == RoiRole.Lesion
                ? new DoseUncertainty([
                    new(UncertaintyCodes.Calibration, "Activity calibration", 0.05, 0.05 * mean, "fixture"),
                    new(UncertaintyCodes.Timing, "Timing", 0.001, 0.001 * mean, "fixture"),
                    new(UncertaintyCodes.HalfLife, "Half-life", 0.001, 0.001 * mean, "fixture"),
                    new(UncertaintyCodes.Noise, "Voxel noise", 0.03, 0.03 * mean, "fixture"),
                    new(UncertaintyCodes.Contour, "Contour", 0.04, 0.04 * mean, "fixture")])
                : null,
        };
    }

    private static double Sq(double x) => x * x;
}
