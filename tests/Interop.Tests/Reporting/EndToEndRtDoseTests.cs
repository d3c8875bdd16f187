using System.Globalization;
using System.Text.Json;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Tests.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting;
using VoxDose.Reporting.Model;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>
/// From PET DICOM data sets to RT Dose: synthetic PET (shuffled) -> PET loader -> dose engine -> report -> RT Dose,
/// then pydicom compares the RT Dose with the PET data sets themselves (not with VoxDose's own volume).
/// </summary>
public class EndToEndRtDoseTests(ITestOutputHelper output)
{
    private const string Script = """
        import json, sys, glob, pydicom
        dose = pydicom.dcmread(sys.argv[1])
        pets = [pydicom.dcmread(p) for p in sorted(glob.glob(sys.argv[2] + "/*.dcm"))]
        pets.sort(key=lambda d: float(d.ImagePositionPatient[2]))
        arr = dose.pixel_array
        picks = json.loads(sys.argv[3])
        first = pets[0]
        print(json.dumps({
            "sameRows": int(dose.Rows) == int(first.Rows), "sameColumns": int(dose.Columns) == int(first.Columns),
            "frames": int(dose.NumberOfFrames), "pets": len(pets),
            "positionDelta": max(abs(float(a) - float(b)) for a, b in zip(dose.ImagePositionPatient, first.ImagePositionPatient)),
            "orientationDelta": max(abs(float(a) - float(b)) for a, b in zip(dose.ImageOrientationPatient, first.ImageOrientationPatient)),
            "spacingDelta": max(abs(float(a) - float(b)) for a, b in zip(dose.PixelSpacing, first.PixelSpacing)),
            "offsetsDelta": max(abs(float(o) - (float(p.ImagePositionPatient[2]) - float(first.ImagePositionPatient[2])))
                                for o, p in zip(dose.GridFrameOffsetVector, pets)),
            "sameFrameOfReference": dose.FrameOfReferenceUID == first.FrameOfReferenceUID,
            "sameStudy": dose.StudyInstanceUID == first.StudyInstanceUID,
            "samePatient": "PatientID" in dose and str(dose.get("PatientID", "")) == str(first.get("PatientID", "")),
            "newSeries": dose.SeriesInstanceUID != first.SeriesInstanceUID,
            "sourceImages": sorted(i.ReferencedSOPInstanceUID for i in dose.SourceImageSequence) == sorted(p.SOPInstanceUID for p in pets),
            "values": [float(arr[k, j, i]) * float(dose.DoseGridScaling) for i, j, k in picks],
        }))
        """;

    [Fact]
    public void Rt_dose_from_a_dicom_pet_series_sits_on_its_grid_and_holds_the_computed_dose()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-e2e");
        var petDir = Path.Combine(dir, "pet");
        Directory.CreateDirectory(petDir);
        var activity = new Volume(40, 36, 14, new Vec3(4.07, 4.07, 5), new Vec3(-81.4, -73.26, -300), frameOfReferenceUid: DicomUid.Generate());
        var lesion = activity.WithSameGeometry();
        for (var k = 0; k < activity.SizeZ; k++)
            for (var j = 0; j < activity.SizeY; j++)
                for (var i = 0; i < activity.SizeX; i++)
                {
                    var radiusMm = Math.Sqrt(Math.Pow((i - 20) * 4.07, 2) + Math.Pow((j - 18) * 4.07, 2) + Math.Pow((k - 7) * 5.0, 2));
                    activity[i, j, k] = radiusMm < 15 ? 2.0e6f : 1.0e5f;
                    if (radiusMm < 15) lesion[i, j, k] = 1;
                }
        var datasets = new SyntheticPetSeries().Build(activity);
        for (var n = 0; n < datasets.Count; n++)
            DicomFile.Create(datasets[n]).Save(Path.Combine(petDir, $"pet{n:D3}.dcm"));
        var shuffled = datasets.OrderBy(d => d.GetString(DicomTag.SOPInstanceUID), StringComparer.Ordinal).ToList();

        var pet = PetSeriesLoader.Load(shuffled);
        var dose = DoseCalculator.Compute(pet, new DoseOptions());
        var metrics = SyntheticReport.Metrics("Lesion A", RoiRole.Lesion, null, dose.DoseGy, lesion);
        var report = DosimetryReportBuilder.Build(dose, pet, shuffled, [new ReportRoi { Metrics = metrics, Mask = lesion }],
            "0.1.0-e2e", DateTimeOffset.UnixEpoch);
        var outputs = ReportWriter.WriteAll(report, Path.Combine(dir, "out"));

        var max = dose.DoseGy.Voxels.Max();
        var random = new Random(5);
        var picks = new List<int[]>();
        while (picks.Count < 10)
        {
            int i = random.Next(40), j = random.Next(36), k = random.Next(14);
            if (dose.DoseGy[i, j, k] > 0.01 * max) picks.Add([i, j, k]);
        }
        var result = ExternalTool.Run("/usr/bin/python3", "-c", Script, outputs.RtDosePath, petDir, JsonSerializer.Serialize(picks)).EnsureSuccess();
        output.WriteLine(result.StdOut);
        var r = JsonDocument.Parse(result.StdOut).RootElement;
        foreach (var flag in new[] { "sameRows", "sameColumns", "sameFrameOfReference", "sameStudy", "samePatient", "newSeries", "sourceImages" })
            Assert.True(r.GetProperty(flag).GetBoolean(), flag);
        Assert.Equal(r.GetProperty("pets").GetInt32(), r.GetProperty("frames").GetInt32());
        Assert.True(r.GetProperty("positionDelta").GetDouble() < 1e-4);
        Assert.True(r.GetProperty("orientationDelta").GetDouble() < 1e-6);
        Assert.True(r.GetProperty("spacingDelta").GetDouble() < 1e-6);
        Assert.True(r.GetProperty("offsetsDelta").GetDouble() < 1e-4);
        var values = r.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (var n = 0; n < picks.Count; n++)
        {
            var expected = (double)dose.DoseGy[picks[n][0], picks[n][1], picks[n][2]];
            Assert.True(Math.Abs(values[n] - expected) <= 0.001 * expected,
                string.Create(CultureInfo.InvariantCulture, $"voxel {string.Join(",", picks[n])}: computed {expected} Gy, RT Dose {values[n]} Gy"));
        }
        Assert.Contains("Y-90", report.Qa.Y90Recognition);
    }
}
