using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Tests.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting.Model;
using VoxDose.Tests.Shared;

namespace VoxDose.Reporting.Tests.Model;

public class StudyReportAssemblerTests
{
    private const string Frame = "1.2.826.0.1.3680043.10.1.55";

    private static (List<DicomDataset> Pet, Volume Activity) Pet()
    {
        var activity = new Volume(30, 30, 16, new Vec3(4, 4, 5), new Vec3(-58, -58, -37.5), frameOfReferenceUid: Frame);
        for (var k = 0; k < activity.SizeZ; k++)
            for (var j = 0; j < activity.SizeY; j++)
                for (var i = 0; i < activity.SizeX; i++)
                {
                    var p = activity.VoxelToPatient(i, j, k);
                    activity[i, j, k] = (p - new Vec3(12, 0, 0)).Length < 14 ? 3e6f : p.Length < 45 ? 0.4e6f : 0.01e6f;
                }
        return (new SyntheticPetSeries().Build(activity), activity);
    }

    [Fact]
    public void Rtstruct_rois_get_masks_and_their_rtstruct_reference_from_the_file()
    {
        var (pet, _) = Pet();
        var set = new StructureSet
        {
            FrameOfReferenceUids = [Frame],
            Rois =
            [
                new StructureSetRoi { Number = 7, Name = "Lesion A", InterpretedType = "GTV", Contours = Sphere(new Vec3(12, 0, 0), 14) },
                new StructureSetRoi { Number = 9, Name = "Liver", InterpretedType = "ORGAN", Contours = Sphere(new Vec3(0, 0, 0), 45) },
            ],
        };
        var path = Path.Combine(TestPaths.NewTempDirectory("voxdose-assembler"), "rs.dcm");
        RtStructWriter.Write(set, path, pet[0].GetString(DicomTag.StudyInstanceUID)!);
        var study = new OfflineDosePipeline().Run(pet, [set with { Source = path }], new DoseOptions());

        var report = StudyReportAssembler.Build(study, pet, "1.0", DateTimeOffset.UnixEpoch);

        var lesion = report.Rois.Single(r => r.Name == "Lesion A");
        Assert.NotNull(lesion.Mask);
        Assert.True(lesion.Mask!.Voxels.Sum(v => v) * lesion.Mask.VoxelVolumeMl > 5, "lesion mask too small");
        var rtStruct = DicomFile.Open(path).Dataset;
        Assert.Equal(rtStruct.GetString(DicomTag.SOPInstanceUID), lesion.StructureSet!.Instance.SopInstanceUid);
        Assert.Equal(rtStruct.GetString(DicomTag.SeriesInstanceUID), report.Sources.RtStructSeriesInstanceUid);
        var normal = report.Rois.Single(r => r.Metrics.Role == RoiRole.NormalLiver);
        Assert.NotNull(normal.Mask);
        Assert.True(normal.Mask!.Voxels.Sum(v => v) < report.Rois.Single(r => r.Name == "Liver").Mask!.Voxels.Sum(v => v));
    }

    [Fact]
    public void The_analysis_masks_are_drawn_as_they_are_not_rasterised_again()
    {
        var (pet, _) = Pet();
        var set = new StructureSet
        {
            FrameOfReferenceUids = [Frame],
            Rois =
            [
                new StructureSetRoi { Number = 7, Name = "Lesion A", InterpretedType = "GTV", Contours = Sphere(new Vec3(12, 0, 0), 14) },
                new StructureSetRoi { Number = 9, Name = "Liver", InterpretedType = "ORGAN", Contours = Sphere(new Vec3(0, 0, 0), 45) },
            ],
        };
        var rtStruct = RtStructWriter.ToDataset(set, pet[0].GetString(DicomTag.StudyInstanceUID)!);
        var masks = new RoiMaskCollector();
        var study = new OfflineDosePipeline().Run(pet, [set with { SourceDataset = rtStruct }], new DoseOptions(), maskSink: masks.Sink);

        var report = StudyReportAssembler.Build(study, "1.0", DateTimeOffset.UnixEpoch, masks.Masks);

        Assert.Equal(3, masks.Masks.Count); // lesion, liver and the derived normal liver
        foreach (var roi in report.Rois)
            Assert.Same(masks.Masks[roi.Metrics].Weights, roi.Mask);
        Assert.Equal(rtStruct.GetString(DicomTag.SOPInstanceUID), report.Rois.Single(r => r.Name == "Lesion A").StructureSet!.Instance.SopInstanceUid);
    }

    [Fact]
    public void The_pipeline_result_alone_is_enough_when_it_carries_the_pet_and_the_rtstruct_data_set()
    {
        var (pet, _) = Pet();
        var set = new StructureSet
        {
            FrameOfReferenceUids = [Frame],
            Rois = [new StructureSetRoi { Number = 3, Name = "Lesion B", InterpretedType = "GTV", Contours = Sphere(new Vec3(12, 0, 0), 14) }],
        };
        var rtStruct = RtStructWriter.ToDataset(set, pet[0].GetString(DicomTag.StudyInstanceUID)!);
        var study = new OfflineDosePipeline().Run(pet, [set with { SourceDataset = rtStruct }], new DoseOptions());

        var report = StudyReportAssembler.Build(study, "1.0", DateTimeOffset.UnixEpoch);

        var lesion = Assert.Single(report.Rois, r => r.Name == "Lesion B");
        Assert.NotNull(lesion.Mask);
        Assert.Equal(rtStruct.GetString(DicomTag.SOPInstanceUID), lesion.StructureSet!.Instance.SopInstanceUid);
        Assert.Equal(pet.Count, report.Sources.PetInstances.Count);
    }

    [Fact]
    public void Without_rtstruct_the_perfused_region_gets_a_mask_and_the_reports_reference_the_pet_series()
    {
        var (pet, _) = Pet();
        var study = new OfflineDosePipeline().Run(pet, [], new DoseOptions());
        var report = StudyReportAssembler.Build(study, pet, "1.0", DateTimeOffset.UnixEpoch);
        var perfused = Assert.Single(report.Rois);
        Assert.Equal(RoiRole.PerfusedRegion, perfused.Metrics.Role);
        Assert.NotNull(perfused.Mask);
        Assert.Null(report.Sources.RtStruct);
        Assert.Equal(pet[0].GetString(DicomTag.SeriesInstanceUID), report.Sources.PetSeriesInstanceUid);
        // Study-level flags (here: the activity found is far below the synthetic header's 2000 MBq) reach the report's global flags.
        var recovery = Assert.Single(study.Flags, f => f.Code == global::VoxDose.Dosimetry.Metrics.StudyFlagCodes.ActivityRecovery);
        Assert.Contains(recovery, report.GlobalFlags);
    }

    private static List<Contour> Sphere(Vec3 c, double r)
    {
        var contours = new List<Contour>();
        for (var z = c.Z - r + 2.5; z < c.Z + r; z += 5)
        {
            var rr = Math.Sqrt(r * r - (z - c.Z) * (z - c.Z));
            contours.Add(Contour.Closed(Enumerable.Range(0, 64).Select(a => new Vec3(c.X + rr * Math.Cos(a * Math.PI / 32), c.Y + rr * Math.Sin(a * Math.PI / 32), z))));
        }
        return contours;
    }
}
