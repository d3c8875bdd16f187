using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.IO;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Contours;

/// <summary>
/// Mean dose and volume (2 %), D50/D70/D90 and V70/V100 (3 percentage points of volume) of RTSTRUCT ROIs agree with <c>plastimatch dvh</c> (Debian plastimatch), which rasterises
/// the same RTSTRUCT file itself (binary voxel-centre rule) onto the same MetaImage dose grid.
/// </summary>
public class PlastimatchDvhInteropTests(ITestOutputHelper output)
{
    private const string Frame = "1.2.826.0.1.3680043.10.1.42";
    private const double BinWidthGy = 0.05;

    private static Volume Dose()
    {
        var dose = new Volume(40, 40, 30, new Vec3(4, 4, 4), new Vec3(-78, -78, -58), frameOfReferenceUid: Frame);
        for (var k = 0; k < dose.SizeZ; k++)
            for (var j = 0; j < dose.SizeY; j++)
                for (var i = 0; i < dose.SizeX; i++)
                {
                    var p = dose.VoxelToPatient(i, j, k);
                    dose[i, j, k] = (float)(60 + 0.8 * p.X + 0.3 * p.Y + 0.5 * p.Z + 40 * Math.Exp(-(p - new Vec3(10, 0, 0)).Dot(p - new Vec3(10, 0, 0)) / 800));
                }
        return dose;
    }

    /// <summary>Contour planes on the dose slice centres (z = -58 + 4k), as a planning system on the PET would draw them.</summary>
    private static List<Contour> Sphere(Vec3 centre, double radiusMm)
    {
        var contours = new List<Contour>();
        for (var k = 0; k < 30; k++)
        {
            var z = -58 + 4.0 * k;
            var dz = z - centre.Z;
            if (Math.Abs(dz) >= radiusMm) continue;
            contours.Add(Contour.Closed(Circle(new Vec3(centre.X, centre.Y, z), Math.Sqrt(radiusMm * radiusMm - dz * dz))));
        }
        return contours;
    }

    private static List<Vec3> Circle(Vec3 c, double r, int n = 128) =>
        [.. Enumerable.Range(0, n).Select(a => c + new Vec3(r * Math.Cos(2 * Math.PI * a / n), r * Math.Sin(2 * Math.PI * a / n), 0))];

    /// <summary>One ROI made of two spheres side by side: two contours on each plane. No hole here: plastimatch 1.9
    /// unites the contours of a plane instead of applying the even-odd rule (holes are tested in the unit tests).</summary>
    private static List<Contour> TwoSpheres(Vec3 centre, double radiusMm, double separationMm) =>
        [.. Sphere(centre - new Vec3(separationMm / 2, 0, 0), radiusMm), .. Sphere(centre + new Vec3(separationMm / 2, 0, 0), radiusMm)];

    [Fact]
    public void Mean_dose_and_volume_agree_with_plastimatch_dvh_within_2_percent()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-plastimatch");
        try
        {
            var dose = Dose();
            var set = new StructureSet
            {
                FrameOfReferenceUids = [Frame],
                Rois =
                [
                    new StructureSetRoi { Number = 1, Name = "Liver", InterpretedType = "ORGAN", Contours = Sphere(new Vec3(0, 0, 0), 45) },
                    new StructureSetRoi { Number = 2, Name = "GTV1", InterpretedType = "GTV", Contours = Sphere(new Vec3(10, 5, 2), 18) },
                    new StructureSetRoi { Number = 3, Name = "Islands", InterpretedType = "ORGAN", Contours = TwoSpheres(new Vec3(-20, 40, 3), 16, 40) },
                    new StructureSetRoi { Number = 4, Name = "Lesion2", InterpretedType = "GTV", Contours = Sphere(new Vec3(-30, -35, -20), 15) },
                ],
            };
            var dosePath = Path.Combine(dir, "dose.mha");
            var rtssDir = Directory.CreateDirectory(Path.Combine(dir, "rtss")).FullName;
            var rtssPath = Path.Combine(rtssDir, "rs.dcm");
            MetaImageWriter.Write(dose, dosePath);
            RtStructWriter.Write(set, rtssPath, DicomUid.Generate());

            ExternalTool.Run("plastimatch", ["convert", "--input", rtssDir, "--fixed", dosePath,
                "--output-ss-img", Path.Combine(dir, "ss.mha"), "--output-ss-list", Path.Combine(dir, "ss.txt")]).EnsureSuccess();
            ExternalTool.Run("plastimatch", ["dvh", "--input-ss-img", Path.Combine(dir, "ss.mha"), "--input-ss-list", Path.Combine(dir, "ss.txt"),
                "--input-dose", dosePath, "--output-csv", Path.Combine(dir, "dvh.csv"), "--differential", "--normalization", "vox",
                "--bin-width", BinWidthGy.ToString(CultureInfo.InvariantCulture), "--num-bins", "8000"]).EnsureSuccess();
            var reference = ParseDifferentialDvh(File.ReadAllLines(Path.Combine(dir, "dvh.csv")), dose.VoxelVolumeMl);

            var read = RtStructReader.Read(rtssPath);
            var ours = new RoiAnalyzer().Analyze(dose, null, [read]).Rois.Where(r => r.RoiNumber is not null).ToDictionary(r => r.Name);

            foreach (var name in new[] { "Liver", "GTV1", "Islands", "Lesion2" })
            {
                var (volumeMl, meanGy) = (reference[name].VolumeMl, reference[name].MeanGy);
                Assert.True(volumeMl > 10, $"{name}: {volumeMl} mL, the comparison is for ROIs above 10 mL");
                var what = FormattableString.Invariant($"{name}: VoxDose {ours[name].VolumeMl:F2} mL {ours[name].MeanGy:F2} Gy, plastimatch {volumeMl:F2} mL {meanGy:F2} Gy");
                output.WriteLine(what);
                Assert.True(Math.Abs(ours[name].VolumeMl / volumeMl - 1) <= 0.02, what);
                Assert.True(Math.Abs(ours[name].MeanGy / meanGy - 1) <= 0.02, what);
                // Dx is compared on the volume axis: plastimatch's volume above our Dx is x % within 3 points (well
                // conditioned even where the DVH is flat, e.g. between the two spheres of "Islands").
                foreach (var x in new[] { 50, 70, 90 })
                {
                    var edge = Math.Floor(ours[name].DxGy[x] / BinWidthGy) * BinWidthGy;
                    Assert.True(Math.Abs(reference[name].PercentAtLeast(edge) - x) <= 3,
                        FormattableString.Invariant($"{name} D{x}: VoxDose {ours[name].DxGy[x]:F2} Gy; plastimatch has {reference[name].PercentAtLeast(edge):F1} % at or above it"));
                }
                foreach (var y in new[] { 70, 100 })
                    Assert.True(Math.Abs(ours[name].VxPercent[y] - reference[name].PercentAtLeast(y)) <= 3,
                        FormattableString.Invariant($"{name} V{y}: VoxDose {ours[name].VxPercent[y]:F1} %, plastimatch {reference[name].PercentAtLeast(y):F1} %"));
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>plastimatch's differential DVH in voxels: first column the bin's lower edge (Gy), then one column per structure.</summary>
    private static Dictionary<string, PlastimatchRoi> ParseDifferentialDvh(string[] lines, double voxelMl)
    {
        var names = lines[0].Split(',').Skip(1).ToArray();
        var rows = lines.Skip(1).Where(l => l.Length > 0)
            .Select(line => line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var result = new Dictionary<string, PlastimatchRoi>();
        for (var s = 0; s < names.Length; s++)
        {
            var bins = rows.Select(r => (LowerGy: r[0], Count: r[s + 1])).ToList();
            var count = bins.Sum(b => b.Count);
            result[names[s]] = new PlastimatchRoi(count * voxelMl, bins.Sum(b => b.Count * (b.LowerGy + BinWidthGy / 2)) / count, bins, count);
        }
        return result;
    }

    /// <summary>One structure of plastimatch's differential DVH (bins of <see cref="BinWidthGy"/>, counts in voxels).</summary>
    private sealed record PlastimatchRoi(double VolumeMl, double MeanGy, List<(double LowerGy, double Count)> Bins, double Count)
    {
        /// <summary>Percent of the voxels in bins at or above the dose (the dose must be a bin edge).</summary>
        public double PercentAtLeast(double doseGy) => 100 * Bins.Where(b => b.LowerGy >= doseGy - 1e-9).Sum(b => b.Count) / Count;
    }
}
