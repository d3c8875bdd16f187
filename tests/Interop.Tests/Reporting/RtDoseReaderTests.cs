using System.Globalization;
using System.Text;
using System.Text.Json;
using VoxDose.Reporting;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>The RT Dose read back by pydicom and plastimatch: the PET grid, and the computed dose at random voxels.</summary>
public class RtDoseReaderTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 0.001; // 0.1 %, the acceptance criterion.

    private const string PydicomScript = """
        import json, sys, pydicom
        ds = pydicom.dcmread(sys.argv[1])
        arr = ds.pixel_array
        scale = float(ds.DoseGridScaling)
        picks = json.loads(sys.argv[2])
        print(json.dumps({
            "rows": int(ds.Rows), "columns": int(ds.Columns), "frames": int(ds.NumberOfFrames),
            "bits": int(ds.BitsAllocated), "dtype": str(arr.dtype),
            "position": [float(v) for v in ds.ImagePositionPatient],
            "orientation": [float(v) for v in ds.ImageOrientationPatient],
            "spacing": [float(v) for v in ds.PixelSpacing],
            "offsets": [float(v) for v in ds.GridFrameOffsetVector],
            "frameOfReference": str(ds.FrameOfReferenceUID),
            "study": str(ds.StudyInstanceUID),
            "patient": str(ds.PatientName),
            "units": str(ds.DoseUnits), "type": str(ds.DoseType),
            "values": [float(arr[k, j, i]) * scale for i, j, k in picks],
        }))
        """;

    [Fact]
    public void Pydicom_reads_the_pet_grid_and_the_dose_at_random_voxels()
    {
        var report = SyntheticReport.Create();
        var dir = TestPaths.NewTempDirectory("voxdose-rtdose");
        var outputs = ReportWriter.WriteAll(report, dir);
        var picks = RandomVoxels(report.DoseGy, 10);
        var result = ExternalTool.Run("/usr/bin/python3", "-c", PydicomScript, outputs.RtDosePath, JsonSerializer.Serialize(picks)).EnsureSuccess();
        output.WriteLine(result.StdOut);
        using var json = JsonDocument.Parse(result.StdOut);
        var r = json.RootElement;
        var pet = report.PetBqPerMl;

        Assert.Equal(pet.SizeY, r.GetProperty("rows").GetInt32());
        Assert.Equal(pet.SizeX, r.GetProperty("columns").GetInt32());
        Assert.Equal(pet.SizeZ, r.GetProperty("frames").GetInt32());
        Assert.Equal(32, r.GetProperty("bits").GetInt32());
        Assert.Equal("uint32", r.GetProperty("dtype").GetString());
        AssertClose([pet.OriginMm.X, pet.OriginMm.Y, pet.OriginMm.Z], Doubles(r, "position"), 1e-6);
        AssertClose([1, 0, 0, 0, 1, 0], Doubles(r, "orientation"), 1e-9);
        AssertClose([pet.SpacingMm.Y, pet.SpacingMm.X], Doubles(r, "spacing"), 1e-9);
        var offsets = Doubles(r, "offsets");
        Assert.Equal(0.0, offsets[0]);
        AssertClose(Enumerable.Range(0, pet.SizeZ).Select(k => k * pet.SpacingMm.Z).ToArray(), offsets, 1e-9);
        Assert.Equal(pet.FrameOfReferenceUid, r.GetProperty("frameOfReference").GetString());
        Assert.Equal(SyntheticReport.PetStudyUid, r.GetProperty("study").GetString());
        Assert.Equal(report.Header.PatientName, r.GetProperty("patient").GetString());
        Assert.Equal("GY", r.GetProperty("units").GetString());
        Assert.Equal("PHYSICAL", r.GetProperty("type").GetString());
        AssertDoses(report.DoseGy, picks, Doubles(r, "values"));
    }

    [Fact]
    public void Plastimatch_reads_the_pet_grid_and_the_dose_at_random_voxels()
    {
        var report = SyntheticReport.Create();
        var dir = TestPaths.NewTempDirectory("voxdose-rtdose");
        var outputs = ReportWriter.WriteAll(report, dir);
        var mha = Path.Combine(dir, "dose.mha");
        var result = ExternalTool.Run("plastimatch", "convert", "--input", outputs.RtDosePath, "--output-dose-img", mha);
        output.WriteLine(result.StdOut + result.StdErr);
        result.EnsureSuccess();

        var (header, data) = ReadMetaImage(mha);
        var pet = report.PetBqPerMl;
        Assert.Equal($"{pet.SizeX} {pet.SizeY} {pet.SizeZ}", header["DimSize"]);
        AssertClose([pet.OriginMm.X, pet.OriginMm.Y, pet.OriginMm.Z], Numbers(header["Offset"]), 1e-3);
        AssertClose([pet.SpacingMm.X, pet.SpacingMm.Y, pet.SpacingMm.Z], Numbers(header["ElementSpacing"]), 1e-5);
        Assert.Equal("MET_FLOAT", header["ElementType"]);
        var picks = RandomVoxels(report.DoseGy, 10);
        var values = picks.Select(p => (double)BitConverter.ToSingle(data, 4 * report.DoseGy.Index(p[0], p[1], p[2]))).ToArray();
        AssertDoses(report.DoseGy, picks, values);
    }

    /// <summary>Ten voxels drawn at random among those with a dose above 1 % of the maximum (a zero is no test).</summary>
    private static int[][] RandomVoxels(global::VoxDose.Dosimetry.Volumes.Volume dose, int count)
    {
        var max = dose.Voxels.Max();
        var random = new Random(20260311);
        var picks = new List<int[]>();
        while (picks.Count < count)
        {
            int i = random.Next(dose.SizeX), j = random.Next(dose.SizeY), k = random.Next(dose.SizeZ);
            if (dose[i, j, k] > 0.01 * max) picks.Add([i, j, k]);
        }
        return [.. picks];
    }

    private static void AssertDoses(global::VoxDose.Dosimetry.Volumes.Volume dose, int[][] picks, double[] values)
    {
        Assert.Equal(picks.Length, values.Length);
        for (var n = 0; n < picks.Length; n++)
        {
            var expected = (double)dose[picks[n][0], picks[n][1], picks[n][2]];
            Assert.True(Math.Abs(values[n] - expected) <= RelativeTolerance * expected,
                $"voxel ({string.Join(",", picks[n])}): computed {expected} Gy, read {values[n]} Gy");
        }
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"value {i}: expected {expected[i]}, got {actual[i]}");
    }

    private static double[] Doubles(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static double[] Numbers(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Reads a MetaImage (.mha) with its data in the same file: "Key = value" lines up to ElementDataFile = LOCAL.</summary>
    private static (Dictionary<string, string> Header, byte[] Data) ReadMetaImage(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var pos = 0;
        while (pos < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', pos);
            var line = Encoding.ASCII.GetString(bytes, pos, end - pos).Trim();
            pos = end + 1;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) header[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            if (line.StartsWith("ElementDataFile", StringComparison.Ordinal)) break;
        }
        Assert.Equal("LOCAL", header["ElementDataFile"]);
        Assert.Equal("False", header.GetValueOrDefault("CompressedData", "False"));
        return (header, bytes[pos..]);
    }
}
