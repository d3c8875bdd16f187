using System.Text.Json;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Tests.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Pipeline;

public class ResultsJsonWriterTests
{
    [Fact]
    public void Results_json_has_the_documented_fields()
    {
        var grid = ContourShapes.CentredGrid(21, 4.0);
        var dose = new Volume(21, 21, 21, grid.SpacingMm, grid.OriginMm, frameOfReferenceUid: "1.2.3");
        Array.Fill(dose.Voxels, 70f);
        var sets = new[]
        {
            new StructureSet { SopInstanceUid = "1.2.3.4", FrameOfReferenceUids = ["1.2.3"],
                Rois = [new StructureSetRoi { Number = 4, Name = "GTV  left", InterpretedType = "GTV", Contours = ContourShapes.Sphere(new Vec3(0, 0, 0), 15, 4) },
                        new StructureSetRoi { Number = 5, Name = "marker", Contours = [new Contour(ContourGeometricType.Point, [new Vec3(0, 0, 0)])] }] },
            new StructureSet { SopInstanceUid = "9.9", Label = "CT plan", FrameOfReferenceUids = ["7.7.7"] },
        };
        var result = new DoseStudyResult
        {
            StudyInstanceUid = "1.2.3.5", Method = DoseMethod.Vsv, TotalActivityMBq = 2345.6, DoseGy = dose,
            Rois = new RoiAnalyzer().Analyze(dose, null, sets),
            Flags = [new RoiFlag(StudyFlagCodes.ActivityRecovery, "22.9 %", "EANM 2022")],
        };
        using var stream = new MemoryStream();

        ResultsJsonWriter.Write(result, stream, "0.1.0");

        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        Assert.Equal("1.2.3.5", root.GetProperty("studyInstanceUid").GetString());
        Assert.Equal("vsv", root.GetProperty("method").GetString());
        Assert.Equal(2345.6, root.GetProperty("totalActivityMBq").GetDouble());
        var studyFlag = Assert.Single(root.GetProperty("flags").EnumerateArray());
        Assert.Equal(StudyFlagCodes.ActivityRecovery, studyFlag.GetProperty("code").GetString());
        Assert.Equal("EANM 2022", studyFlag.GetProperty("source").GetString());
        var roi = Assert.Single(root.GetProperty("rois").EnumerateArray());
        Assert.Equal("GTV  left", roi.GetProperty("name").GetString());
        Assert.Equal("lesion", roi.GetProperty("role").GetString());
        Assert.Equal(4, roi.GetProperty("roiNumber").GetInt32());
        Assert.Equal(70.0, roi.GetProperty("meanGy").GetDouble(), 4);
        Assert.Equal(70.0, roi.GetProperty("d70Gy").GetDouble(), 4);
        Assert.Equal(0.0, roi.GetProperty("v100Percent").GetDouble());
        Assert.Equal(100.0, roi.GetProperty("v70Percent").GetDouble(), 9);
        foreach (var field in new[] { "volumeMl", "sdGy", "cov", "minGy", "maxGy", "medianGy", "d2Gy", "d98Gy", "v205Percent", "bedGy", "eudGy" })
            Assert.Equal(JsonValueKind.Number, roi.GetProperty(field).ValueKind);
        Assert.Contains(roi.GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == RoiFlagCodes.BelowLocalControlDose);
        var dvh = roi.GetProperty("dvh");
        Assert.Equal(dvh.GetProperty("doseGy").GetArrayLength(), dvh.GetProperty("volumePercent").GetArrayLength());
        var notApplicable = Assert.Single(root.GetProperty("notApplicableStructureSets").EnumerateArray());
        Assert.Equal("9.9", notApplicable.GetProperty("sopInstanceUid").GetString());
        Assert.Contains("7.7.7", notApplicable.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var rejected = Assert.Single(root.GetProperty("rejectedRois").EnumerateArray());
        Assert.Equal("marker", rejected.GetProperty("name").GetString());
    }

    [Fact]
    public void Empty_roi_statistics_are_written_as_null()
    {
        var dose = new Volume(3, 3, 3, new Vec3(2, 2, 2), new Vec3(0, 0, 0), frameOfReferenceUid: "1.2");
        var metrics = RoiMetricsCalculator.Compute("empty", RoiRole.Other, 1, dose, new RoiMask(dose.WithSameGeometry()), new MetricsOptions());
        var result = new DoseStudyResult
        {
            Method = DoseMethod.Ldm, TotalActivityMBq = 1, DoseGy = dose, Rois = new RoiAnalysisResult([metrics], []),
        };
        using var stream = new MemoryStream();
        ResultsJsonWriter.Write(result, stream, "0.1.0");
        using var doc = JsonDocument.Parse(stream.ToArray());
        var roi = doc.RootElement.GetProperty("rois")[0];
        Assert.Equal(JsonValueKind.Null, roi.GetProperty("meanGy").ValueKind);
        Assert.Equal("ldm", doc.RootElement.GetProperty("method").GetString());
    }
}
