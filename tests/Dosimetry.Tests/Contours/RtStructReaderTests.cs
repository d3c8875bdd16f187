using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;

namespace VoxDose.Dosimetry.Tests.Contours;

public class RtStructReaderTests
{
    [Fact]
    public void Written_structure_set_reads_back_through_a_file()
    {
        var set = new StructureSet
        {
            Label = "phantom", FrameOfReferenceUids = ["1.2.826.0.1.3680043.10.1.7"],
            Rois =
            [
                new StructureSetRoi { Number = 3, Name = "GTV 1", InterpretedType = "GTV", Contours = ContourShapes.Sphere(new Vec3(1.25, -2.5, 10), 12, 4) },
                new StructureSetRoi { Number = 7, Name = "Liver", InterpretedType = "ORGAN", Contours = [Contour.Closed(ContourShapes.Rectangle(-50, -40, 60, 45.125, 12))] },
                new StructureSetRoi { Number = 9, Name = "marker", InterpretedType = "MARKER", Contours = [new Contour(ContourGeometricType.Point, [new Vec3(1, 2, 3)])] },
            ],
        };
        var dir = TestPaths.NewTempDirectory("voxdose-rtss");
        try
        {
            var path = Path.Combine(dir, "rs.dcm");
            RtStructWriter.Write(set, path, DicomUid.Generate());

            var read = RtStructReader.Read(path);

            Assert.Equal(["1.2.826.0.1.3680043.10.1.7"], read.FrameOfReferenceUids);
            Assert.Equal("phantom", read.Label);
            Assert.Equal(path, read.Source);
            Assert.Equal([3, 7, 9], read.Rois.Select(r => r.Number));
            Assert.Equal(["GTV 1", "Liver", "marker"], read.Rois.Select(r => r.Name));
            Assert.Equal(["GTV", "ORGAN", "MARKER"], read.Rois.Select(r => r.InterpretedType));
            Assert.Equal(set.Rois[0].Contours.Count, read.Rois[0].Contours.Count);
            var expected = set.Rois[0].Contours[2].PointsMm;
            var actual = read.Rois[0].Contours[2].PointsMm;
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++) Assert.True((expected[i] - actual[i]).Length < 1e-6, $"point {i}");
            Assert.Equal(ContourGeometricType.Point, read.Rois[2].Contours[0].Type);
            Assert.Empty(read.Notes);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static DicomDataset ContourItem(string type, int declared, params double[] data)
    {
        var c = new DicomDataset();
        c.AddOrUpdate(DicomTag.ContourGeometricType, type);
        c.AddOrUpdate(DicomTag.NumberOfContourPoints, declared);
        c.AddOrUpdate(DicomTag.ContourData, data);
        return c;
    }

    private static DicomDataset Item(params (DicomTag Tag, string Value)[] values)
    {
        var d = new DicomDataset();
        foreach (var (tag, value) in values) d.AddOrUpdate(tag, value);
        return d;
    }

    [Fact]
    public void Quirks_of_real_files_are_tolerated_and_noted()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.Modality, "RTSTRUCT");
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, "1.2.3"); // no Referenced Frame of Reference Sequence
        ds.AddOrUpdateSequence(DicomTag.StructureSetROISequence,
            Item((DicomTag.ROINumber, "1")),                                 // ROI Name (Type 2) missing
            Item((DicomTag.ROINumber, "2"), (DicomTag.ROIName, "Liver")),
            Item((DicomTag.ROIName, "no number")));
        var square = new double[] { 0, 0, 5, 10, 0, 5, 10, 10, 5, 0, 10, 5, 0, 0, 5 }; // closing point repeated
        var roi1 = new DicomDataset();
        roi1.AddOrUpdate(DicomTag.ReferencedROINumber, 1);
        roi1.AddOrUpdateSequence(DicomTag.ContourSequence,
            ContourItem("CLOSED_PLANAR", 4, square),                 // declared 4 points, data holds 5
            ContourItem("CLOSED", 4, square),                        // not a defined term
            ContourItem("CLOSED_PLANAR", 1, 1, 2),                   // not a multiple of 3
            ContourItem("OPEN_PLANAR", 2, 0, 0, 5, 1, 1, 5));
        var orphan = new DicomDataset();
        orphan.AddOrUpdate(DicomTag.ReferencedROINumber, 42);
        ds.AddOrUpdateSequence(DicomTag.ROIContourSequence, roi1, orphan);
        ds.AddOrUpdateSequence(DicomTag.RTROIObservationsSequence,
            Item((DicomTag.ReferencedROINumber, "1"), (DicomTag.RTROIInterpretedType, "")));

        var set = RtStructReader.Read(ds, "quirky");

        Assert.Equal(["1.2.3"], set.FrameOfReferenceUids);
        Assert.Equal([1, 2], set.Rois.Select(r => r.Number));
        Assert.Equal("", set.Rois[0].Name);
        Assert.Null(set.Rois[0].InterpretedType);
        Assert.Equal([ContourGeometricType.ClosedPlanar, ContourGeometricType.OpenPlanar], set.Rois[0].Contours.Select(c => c.Type));
        Assert.Empty(set.Rois[1].Contours);
        Assert.Contains(set.Notes, n => n.Contains("(3006,0046) says 4", StringComparison.Ordinal));
        Assert.Contains(set.Notes, n => n.Contains("'CLOSED' is not a defined term", StringComparison.Ordinal));
        Assert.Contains(set.Notes, n => n.Contains("not a positive multiple of 3", StringComparison.Ordinal));
        Assert.Contains(set.Notes, n => n.Contains("ROI Number 42", StringComparison.Ordinal));
        Assert.Contains(set.Notes, n => n.Contains("no ROI Number", StringComparison.Ordinal));
        Assert.Contains(set.Notes, n => n.Contains("top-level Frame of Reference", StringComparison.Ordinal));

        // The repeated closing point does not disturb the area: a 10 x 10 mm square, one 2 mm slab.
        var grid = new Volume(10, 10, 3, new Vec3(2, 2, 2), new Vec3(-3, -3, 3));
        Assert.Equal(10 * 10 * 2 / 1000.0, ContourRasterizer.Rasterize(grid, set.Rois[0].Contours).VolumeMl, 9);
    }

    [Fact]
    public void A_file_that_is_not_an_rtstruct_is_refused_naming_what_it_is()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.128");
        ds.AddOrUpdate(DicomTag.Modality, "PT");
        var ex = Assert.Throws<InvalidDataException>(() => RtStructReader.Read(ds, "pet.dcm"));
        Assert.Contains("(0008,0016)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PT", ex.Message, StringComparison.Ordinal);
    }
}
