using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Contours;

/// <summary>dciodvfy (dicom3tools) finds no error in an RTSTRUCT written by VoxDose.</summary>
public class RtStructWriterDciodvfyTests
{
    [Fact]
    public void Written_rtstruct_passes_dciodvfy_without_errors()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-rtss-dciodvfy");
        try
        {
            var path = Path.Combine(dir, "rs.dcm");
            var square = Contour.Closed([new Vec3(0, 0, 0), new Vec3(10, 0, 0), new Vec3(10, 10, 0), new Vec3(0, 10, 0)]);
            RtStructWriter.Write(new StructureSet
            {
                FrameOfReferenceUids = [DicomUid.Generate()],
                Rois =
                [
                    new StructureSetRoi { Number = 1, Name = "GTV", InterpretedType = "GTV", Contours = [square] },
                    new StructureSetRoi { Number = 2, Name = "Marker", InterpretedType = "MARKER", Contours = [new Contour(ContourGeometricType.Point, [new Vec3(1, 2, 3)])] },
                ],
            }, path, DicomUid.Generate());

            var result = ExternalTool.Run("dciodvfy", path);

            var output = result.StdOut + result.StdErr;
            Assert.Contains("RTStructureSet", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Error", output, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }
}
