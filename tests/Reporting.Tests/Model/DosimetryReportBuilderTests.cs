using VoxDose.Dicom;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Tests.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Tests.Model;

public class DosimetryReportBuilderTests
{
    private static (DosimetryReport Report, Volume Activity, List<DicomDataset> Datasets) Build(DoseOptions? options = null)
    {
        var activity = new Volume(16, 14, 6, new Vec3(4, 4, 5), new Vec3(-32, -28, 10), frameOfReferenceUid: DicomUid.Generate());
        for (var i = 0; i < activity.Count; i++) activity.Voxels[i] = 1.0e5f + 1000f * (i % 17);
        var datasets = new SyntheticPetSeries().Build(activity);
        datasets.Reverse();
        var pet = PetSeriesLoader.Load(datasets);
        var dose = DoseCalculator.Compute(pet, options ?? new DoseOptions());
        return (DosimetryReportBuilder.Build(dose, pet, datasets, [], "1.2.3", DateTimeOffset.UnixEpoch), activity, datasets);
    }

    [Fact]
    public void Activity_found_is_in_becquerel_and_matches_the_activity_put_in()
    {
        var (report, activity, _) = Build();
        var expectedBq = activity.Voxels.Sum(v => (double)v) * activity.VoxelVolumeMl; // Bq/ml x ml, at injection
        Assert.Equal(expectedBq, report.Qa.ActivityFoundBq, expectedBq * 0.01);
        Assert.Contains("Y-90", report.Qa.Y90Recognition);
        Assert.Equal(230580, report.Qa.HalfLifeS!.Value, 1);
    }

    [Fact]
    public void Administered_activity_given_in_mbq_is_reported_in_becquerel()
    {
        var (report, _, _) = Build(new DoseOptions { AdministeredActivityMBq = 1500 });
        Assert.Equal(1.5e9, report.Qa.AdministeredActivityBq!.Value, 1);
        Assert.Contains(report.Calculation.Parameters, p => p.Name == "Administered activity" && p.Value == "1500.0" && p.Unit == "MBq");
    }

    [Fact]
    public void Pet_instances_are_referenced_in_slice_order_whatever_order_they_came_in()
    {
        var (report, _, datasets) = Build();
        var byZ = datasets.OrderBy(d => d.GetDoubles(DicomTag.ImagePositionPatient)[2]).Select(d => d.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(byZ, report.Sources.PetInstances.Select(i => i.SopInstanceUid));
        Assert.Equal(datasets[0].GetString(DicomTag.FrameOfReferenceUID), report.Sources.FrameOfReferenceUid);
        Assert.Contains(report.Calculation.Parameters, p => p.Name == "Tissue density" && p.Value == "1.04");
    }
}
