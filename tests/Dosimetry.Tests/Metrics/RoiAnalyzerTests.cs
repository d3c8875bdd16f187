using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Tests.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Metrics;

public class RoiAnalyzerTests
{
    private const string PetFrame = "1.2.826.0.1.3680043.10.1.1";

    private static (Volume Dose, Volume Activity) Phantom()
    {
        var grid = ContourShapes.CentredGrid(31, 4.0);
        var dose = new Volume(grid.SizeX, grid.SizeY, grid.SizeZ, grid.SpacingMm, grid.OriginMm, frameOfReferenceUid: PetFrame);
        var activity = dose.WithSameGeometry();
        for (var k = 0; k < dose.SizeZ; k++)
            for (var j = 0; j < dose.SizeY; j++)
                for (var i = 0; i < dose.SizeX; i++)
                {
                    var r = dose.VoxelToPatient(i, j, k);
                    var inLesion = (r - new Vec3(10, 0, 0)).Length < 15;
                    var inLiver = r.Length < 40;
                    dose[i, j, k] = inLesion ? 120f : inLiver ? 30f : 0.5f;
                    activity[i, j, k] = dose[i, j, k];
                }
        return (dose, activity);
    }

    private static StructureSetRoi Roi(int number, string name, string? type, Vec3 centre, double radiusMm) => new()
    {
        Number = number, Name = name, InterpretedType = type, Contours = ContourShapes.Sphere(centre, radiusMm, 4.0),
    };

    [Fact]
    public void Applies_matching_structure_set_derives_normal_liver_and_reports_the_other_frame()
    {
        var (dose, activity) = Phantom();
        var matching = new StructureSet
        {
            Label = "planning", FrameOfReferenceUids = [PetFrame],
            Rois = [Roi(1, "GTV", "GTV", new Vec3(10, 0, 0), 15), Roi(2, "Liver", "ORGAN", new Vec3(0, 0, 0), 40)],
        };
        var foreign = new StructureSet { Label = "CT", FrameOfReferenceUids = ["1.2.3.999"], Rois = [Roi(1, "GTV", "GTV", new Vec3(0, 0, 0), 10)] };

        var sunk = new List<(string Name, double VolumeMl)>();
        var result = new RoiAnalyzer().Analyze(dose, activity, [matching, foreign], (metrics, mask) => sunk.Add((metrics.Name, mask.VolumeMl)));

        Assert.Equal(["GTV", "Liver", RoiAnalyzer.DerivedNormalLiverName], result.Rois.Select(r => r.Name));
        Assert.Equal(result.Rois.Select(r => (r.Name, r.VolumeMl)), sunk);
        var gtv = result.Rois[0];
        Assert.Equal(RoiRole.Lesion, gtv.Role);
        Assert.InRange(gtv.MeanGy, 110, 120);
        var liver = result.Rois[1];
        var normal = result.Rois[2];
        Assert.Equal(RoiRole.WholeLiver, liver.Role);
        Assert.Equal(RoiRole.NormalLiver, normal.Role);
        Assert.Equal(liver.VolumeMl - gtv.VolumeMl, normal.VolumeMl, liver.VolumeMl * 1e-4);
        Assert.InRange(normal.MeanGy, 28, 33); // boundary voxels mix liver (30 Gy) with lesion (120) and outside (0.5)
        Assert.Contains(normal.Flags, f => f.Code == RoiFlagCodes.Derived);
        Assert.Null(normal.RoiNumber);
        var notApplicable = Assert.Single(result.NotApplicable);
        Assert.Equal("CT", notApplicable.StructureSet.Label);
        Assert.Contains("1.2.3.999", notApplicable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_applicable_structure_set_the_perfused_region_is_analysed()
    {
        var (dose, activity) = Phantom();
        var foreign = new StructureSet { FrameOfReferenceUids = ["1.2.3.999"], Rois = [Roi(1, "GTV", "GTV", new Vec3(0, 0, 0), 10)] };

        var result = new RoiAnalyzer().Analyze(dose, activity, [foreign]);

        var perfused = Assert.Single(result.Rois);
        Assert.Equal(RoiRole.PerfusedRegion, perfused.Role);
        Assert.Equal(PerfusedRegionFinder.RegionName, perfused.Name);
        // 10 % of the smoothed maximum (120) is 12: the liver (30) is in, the background (0.5) is out.
        Assert.InRange(perfused.VolumeMl, 4.0 / 3 * Math.PI * 40 * 40 * 40 / 1000 * 0.95, 4.0 / 3 * Math.PI * 44 * 44 * 44 / 1000);
        Assert.NotEmpty(perfused.Notes);
    }
}
