using System.Text.Json;
using VoxDose.Dosimetry.Contours;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Contours;

/// <summary>VoxDose's RTSTRUCT reader sees in pydicom's corpus files what pydicom sees.</summary>
public class PydicomRtStructInteropTests
{
    private const string Script = """
        import json, sys, pydicom
        d = pydicom.dcmread(sys.argv[1], force=True)
        types = {o.ReferencedROINumber: o.get('RTROIInterpretedType', '') for o in d.get('RTROIObservationsSequence', [])}
        contours = {rc.ReferencedROINumber: rc.get('ContourSequence', []) for rc in d.ROIContourSequence}
        out = {'frames': [f.FrameOfReferenceUID for f in d.get('ReferencedFrameOfReferenceSequence', [])], 'rois': []}
        for r in d.StructureSetROISequence:
            cs = contours.get(r.ROINumber, [])
            out['rois'].append({'number': int(r.ROINumber), 'name': r.ROIName, 'type': types.get(r.ROINumber, ''),
                'contours': [{'type': c.ContourGeometricType, 'points': [float(v) for v in c.ContourData]} for c in cs]})
        print(json.dumps(out))
        """;

    [Fact]
    public void Reader_agrees_with_pydicom_on_its_rtstruct_test_file()
    {
        var path = Path.Combine(TestPaths.PydicomTestFiles, "rtstruct.dcm");
        var reference = JsonDocument.Parse(ExternalTool.Run("/usr/bin/python3", "-c", Script, path).EnsureSuccess().StdOut).RootElement;

        var set = RtStructReader.Read(path);

        Assert.Equal(reference.GetProperty("frames").EnumerateArray().Select(f => f.GetString()), set.FrameOfReferenceUids);
        var rois = reference.GetProperty("rois").EnumerateArray().ToList();
        Assert.Equal(rois.Count, set.Rois.Count);
        for (var r = 0; r < rois.Count; r++)
        {
            Assert.Equal(rois[r].GetProperty("number").GetInt32(), set.Rois[r].Number);
            Assert.Equal(rois[r].GetProperty("name").GetString(), set.Rois[r].Name);
            Assert.Equal(rois[r].GetProperty("type").GetString(), set.Rois[r].InterpretedType ?? "");
            var contours = rois[r].GetProperty("contours").EnumerateArray().ToList();
            Assert.Equal(contours.Count, set.Rois[r].Contours.Count);
            for (var c = 0; c < contours.Count; c++)
            {
                Assert.Equal(contours[c].GetProperty("type").GetString(), set.Rois[r].Contours[c].Type switch
                {
                    ContourGeometricType.Point => "POINT",
                    ContourGeometricType.ClosedPlanar => "CLOSED_PLANAR",
                    var other => other.ToString(),
                });
                var values = contours[c].GetProperty("points").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                var ours = set.Rois[r].Contours[c].PointsMm.SelectMany(p => new[] { p.X, p.Y, p.Z }).ToArray();
                Assert.Equal(values, ours);
            }
        }
        // The isocentres are POINT ROIs: an applicable set keeps the external contour and rejects the points with a reason.
        var match = StructureSetMatcher.Match(set, set.FrameOfReferenceUids[0]);
        Assert.Equal(["patient"], match.ApplicableRois.Select(r => r.Name));
        Assert.All(match.RejectedRois, r => Assert.Contains("CLOSED_PLANAR", r.Reason, StringComparison.Ordinal));
    }
}
