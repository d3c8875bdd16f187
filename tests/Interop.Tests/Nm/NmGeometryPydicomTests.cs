using System.Text.Json;
using VoxDose.Dicom;
using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Nm;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Nm;

/// <summary>
/// Every NM file of pydicom's corpus, NM objects written by pydicom in the vendor variants (PS3.3 C.8.4 multi-frame
/// RECON TOMO, Siemens negative Spacing Between Slices, Philips top-level geometry, separate slices, planar STATIC and
/// WHOLE BODY anterior/posterior) and their DCMTK (dcmconv +te, dcmdjpeg) and GDCM (gdcmconv) copies read with the
/// geometry pydicom gives (nm_geometry_corpus.py computes it independently) and the same pixel sums.
/// </summary>
public class NmGeometryPydicomTests
{
    [Fact]
    public void Every_nm_file_and_its_converted_copies_read_with_pydicoms_geometry()
    {
        ExternalTool.Require("dcmconv");
        ExternalTool.Require("gdcmconv");
        var dir = TestPaths.NewTempDirectory("voxdose-nm");
        try
        {
            var script = Path.Combine(TestPaths.RepoRoot, "tests", "Interop.Tests", "Nm", "nm_geometry_corpus.py");
            var run = ExternalTool.Run("/usr/bin/python3", [script, dir], TimeSpan.FromMinutes(3)).EnsureSuccess();
            var root = JsonDocument.Parse(run.StdOut).RootElement;
            var files = root.GetProperty("files").EnumerateArray().ToList();
            Assert.Contains(files, f => Path.GetFileName(f.GetProperty("path").GetString()!).StartsWith("pydicom_", StringComparison.Ordinal));
            Assert.True(files.Count >= 30, $"{files.Count} files");
            var compared = 0;
            var slices = new List<(DicomDataset Dataset, JsonElement Reference)>();
            foreach (var reference in files)
            {
                var path = reference.GetProperty("path").GetString()!;
                var ds = DicomFile.Open(path).Dataset;
                if (Path.GetFileName(Path.GetDirectoryName(path)) == "separate_slices")
                {
                    slices.Add((ds, reference));
                    continue;
                }
                var g = NmGeometryReader.Read(ds);
                Assert.Equal(reference.GetProperty("imageType").GetString(), g.ImageTypeValue3);
                Assert.Equal(reference.GetProperty("rows").GetInt32(), g.Rows);
                Assert.Equal(reference.GetProperty("columns").GetInt32(), g.Columns);
                Assert.Equal(reference.GetProperty("frames").GetInt32(), g.NumberOfFrames);
                Assert.Equal(reference.GetProperty("rowSpacing").GetDouble(), g.RowSpacingMm, 9);
                Assert.Equal(reference.GetProperty("columnSpacing").GetDouble(), g.ColumnSpacingMm, 9);
                var positions = reference.GetProperty("positions").EnumerateArray().Select(ToVec).ToList();
                if (g.Kind == NmImageKind.Tomographic)
                {
                    Assert.Equal(positions.Count, g.FramePositionsMm.Count);
                    for (var f = 0; f < positions.Count; f++) Assert.True((positions[f] - g.FramePositionsMm[f]).Length < 1e-3, $"{path} frame {f}: {positions[f]} vs {g.FramePositionsMm[f]}");
                }
                else
                {
                    Assert.Equal(reference.GetProperty("detectors").EnumerateArray().Select(d => d.GetInt32()), g.DetectorVector);
                }

                if (reference.GetProperty("pixelSum").ValueKind == JsonValueKind.Null)
                {
                    // Compressed pixel data that pydicom cannot decode here either: the loader names the attribute.
                    var ex = Assert.Throws<DoseInputException>(() => NmImageLoader.Load([ds]));
                    Assert.Contains("(7FE0,0010)", ex.Message, StringComparison.Ordinal);
                }
                else
                {
                    var image = NmImageLoader.Load([ds]);
                    var sum = image.Counts is { } v ? v.Voxels.Sum(x => (double)x) : image.Views.Sum(w => w.SumCounts());
                    Assert.Equal(reference.GetProperty("pixelSum").GetDouble(), sum, 3);
                    if (g.Kind == NmImageKind.Tomographic)
                    {
                        // The volume starts at the frame lowest along the normal, whatever the stacking sign.
                        var normal = g.Row!.Value.Cross(g.Column!.Value);
                        var lowest = positions.MinBy(p => p.Dot(normal));
                        Assert.True((image.Counts!.OriginMm - lowest).Length < 1e-3, path);
                        Assert.True(image.Recognition.IsTc99m, image.Recognition.Summary);
                    }
                    else if (g.NumberOfFrames == 2)
                    {
                        Assert.Equal(["anterior", "posterior"], image.Views.Select(w => w.View));
                    }
                }
                compared++;
            }

            var series = NmImageLoader.Load([.. slices.Select(s => s.Dataset)]);
            var zs = slices.Select(s => ToVec(s.Reference.GetProperty("positions")[0]).Z).ToList();
            Assert.Equal(zs.Min(), series.Counts!.OriginMm.Z, 6);
            Assert.Equal(3.5, series.Counts.SpacingMm.Z, 6);
            Assert.Equal(slices.Sum(s => s.Reference.GetProperty("pixelSum").GetDouble()), series.Counts.Voxels.Sum(x => (double)x), 3);
            Assert.True(compared >= 30, $"{compared} files compared");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static VoxDose.Dosimetry.Volumes.Vec3 ToVec(JsonElement e) => new(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble());
}
