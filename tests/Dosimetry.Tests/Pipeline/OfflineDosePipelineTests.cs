using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Tests.Contours;
using VoxDose.Dosimetry.Tests.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;

namespace VoxDose.Dosimetry.Tests.Pipeline;

public class OfflineDosePipelineTests
{
    private const string Frame = "1.2.826.0.1.3680043.10.1.77";

    // LDM dose of 1 MBq/mL at injection in soft tissue (1.04 g/mL), computed here independently:
    // D = A0 [Bq/mL] x T1/2 / ln 2 [s] x 0.9336 MeV x 1.602176634e-13 J/MeV / (1.04e-3 kg/mL)
    private static readonly double LdmGyPerMBqPerMl = 1e6 * (64.05 * 3600 / Math.Log(2)) * 0.9336 * 1.602176634e-13 / 1.04e-3;

    /// <summary>Writes a 32 x 32 x 24 PET (4 mm): 2 MBq/mL in a 40 mm cube around (8, 0, 0), 1 MBq/mL in a 100 mm cube, 0 outside.</summary>
    private static (string Dir, double TotalMBq) WritePet(string dir)
    {
        var activity = new Volume(32, 32, 24, new Vec3(4, 4, 4), new Vec3(-62, -62, -46), frameOfReferenceUid: Frame);
        double totalBq = 0;
        for (var k = 0; k < activity.SizeZ; k++)
            for (var j = 0; j < activity.SizeY; j++)
                for (var i = 0; i < activity.SizeX; i++)
                {
                    var p = activity.VoxelToPatient(i, j, k);
                    var hot = Math.Abs(p.X - 8) < 20 && Math.Abs(p.Y) < 20 && Math.Abs(p.Z) < 20;
                    var warm = Math.Abs(p.X) < 50 && Math.Abs(p.Y) < 50 && Math.Abs(p.Z) < 40;
                    activity[i, j, k] = hot ? 2e6f : warm ? 1e6f : 0f;
                    totalBq += activity[i, j, k] * activity.VoxelVolumeMl;
                }
        var petDir = Directory.CreateDirectory(Path.Combine(dir, "pet")).FullName;
        var n = 0;
        foreach (var ds in new SyntheticPetSeries().Build(activity)) DicomFile.Create(ds).Save(Path.Combine(petDir, $"pt{n++:D3}.dcm"));
        return (petDir, totalBq / 1e6);
    }

    [Fact]
    public void Runs_from_files_to_metrics_with_matching_and_foreign_structure_sets()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-pipeline");
        try
        {
            var (petDir, totalMBq) = WritePet(dir);
            var matching = Path.Combine(dir, "rs-pet.dcm");
            RtStructWriter.Write(new StructureSet
            {
                Label = "on PET", FrameOfReferenceUids = [Frame],
                Rois =
                [
                    new StructureSetRoi { Number = 1, Name = "GTV hot", InterpretedType = "GTV", Contours = ContourShapes.Sphere(new Vec3(8, 0, 0), 12, 4, 2) },
                    new StructureSetRoi { Number = 2, Name = "Liver", InterpretedType = "ORGAN", Contours = ContourShapes.Sphere(new Vec3(0, 0, 0), 36, 4, 2) },
                ],
            }, matching, "1.2.3");
            var foreign = Path.Combine(petDir, "rs-ct.dcm"); // found by the directory scan
            RtStructWriter.Write(new StructureSet
            {
                Label = "on CT", FrameOfReferenceUids = ["1.2.3.4.5.6"],
                Rois = [new StructureSetRoi { Number = 1, Name = "GTV", Contours = ContourShapes.Sphere(new Vec3(0, 0, 0), 10, 4) }],
            }, foreign, "1.2.3");

            var result = new OfflineDosePipeline().Run(new DosePipelineRequest
            {
                Inputs = [petDir], StructureSetFiles = [matching], Dose = new DoseOptions { Method = DoseMethod.Ldm },
            });

            Assert.Equal(DoseMethod.Ldm, result.Method);
            Assert.Equal(totalMBq, result.TotalActivityMBq, totalMBq * 1e-3);
            var gtv = result.Rois.Rois.Single(r => r.Name == "GTV hot");
            Assert.Equal(RoiRole.Lesion, gtv.Role);
            Assert.Equal(2 * LdmGyPerMBqPerMl, gtv.MeanGy, 2 * LdmGyPerMBqPerMl * 0.005);
            Assert.True(gtv.SdGy < 0.01 * gtv.MeanGy);
            // The contoured solid is a stack of 4 mm discs at z = +-2, +-6, +-10 mm (slab rule), 1.4 % more than the sphere.
            var stackMl = new[] { 2.0, 6.0, 10.0 }.Sum(z => 2 * ContourShapes.InscribedArea(Math.Sqrt(144 - z * z)) * 4) / 1000;
            Assert.Equal(stackMl, gtv.VolumeMl, 0.002 * stackMl);
            Assert.Contains(result.Rois.Rois, r => r.Role == RoiRole.NormalLiver && r.RoiNumber is null);
            var notApplicable = Assert.Single(result.Rois.NotApplicable);
            Assert.Equal(foreign, notApplicable.StructureSet.Source);
            Assert.Contains("1.2.3.4.5.6", notApplicable.Reason, StringComparison.Ordinal);
            Assert.NotNull(result.PetHeader);
            Assert.False(result.PetHeader.Contains(DicomTag.PixelData));
            Assert.Equal(24, result.PetDatasets.Count);
            Assert.NotNull(result.Pet);
            Assert.All(result.StructureSets, s => Assert.NotNull(s.SourceDataset));
            Assert.Equal(2, result.StructureSets.Count);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Without_pet_images_the_error_says_so()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-pipeline-empty");
        try
        {
            var ex = Assert.Throws<DoseInputException>(() => new OfflineDosePipeline().Run(new DosePipelineRequest { Inputs = [dir] }));
            Assert.Contains("No PET image", ex.Message, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }
}
