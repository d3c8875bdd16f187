using VoxDose.Dicom;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting.RtDose;
using VoxDose.Reporting.Tests.Fixtures;

namespace VoxDose.Reporting.Tests.RtDose;

public class RtDoseWriterTests
{
    [Fact]
    public void Keeps_the_pet_grid_frame_of_reference_and_study()
    {
        var report = SyntheticReport.Create();
        var identity = RtDoseWriter.NewIdentity(report);
        var ds = RtDoseWriter.Build(report, identity);

        Assert.Equal(DicomUids.RTDoseStorage, ds.GetString(DicomTag.SOPClassUID));
        Assert.Equal(SyntheticReport.PetStudyUid, ds.GetString(DicomTag.StudyInstanceUID));
        Assert.Equal(SyntheticReport.FrameOfReferenceUid, ds.GetString(DicomTag.FrameOfReferenceUID));
        Assert.NotEqual(SyntheticReport.PetSeriesUid, ds.GetString(DicomTag.SeriesInstanceUID));
        Assert.Equal(identity.SeriesInstanceUid, ds.GetString(DicomTag.SeriesInstanceUID));
        Assert.Equal("RTDOSE", ds.GetString(DicomTag.Modality));
        Assert.Equal([-130.24, -110.5, -412.0], ds.GetDoubles(DicomTag.ImagePositionPatient));
        Assert.Equal([4.07, 4.07], ds.GetDoubles(DicomTag.PixelSpacing));
        Assert.Equal(5.0, ds.GetDouble(DicomTag.SliceThickness));
        Assert.Equal(report.DoseGy.SizeZ, ds.GetInt(DicomTag.NumberOfFrames));
        Assert.Equal(report.DoseGy.SizeY, ds.GetInt(DicomTag.Rows));
        Assert.Equal(report.DoseGy.SizeX, ds.GetInt(DicomTag.Columns));
        var offsets = ds.GetDoubles(DicomTag.GridFrameOffsetVector);
        Assert.Equal(0.0, offsets[0]);
        Assert.Equal(5.0 * (report.DoseGy.SizeZ - 1), offsets[^1], 1e-9);
        Assert.Equal([DicomTag.GridFrameOffsetVector], ds.GetTags(DicomTag.FrameIncrementPointer));
        Assert.Equal("GY", ds.GetString(DicomTag.DoseUnits));
        Assert.Equal("PHYSICAL", ds.GetString(DicomTag.DoseType));
        Assert.Equal(RtDoseWriter.DoseSummationType, ds.GetString(DicomTag.DoseSummationType));
        Assert.Contains("VSV", ds.GetString(DicomTag.SeriesDescription));
        Assert.Equal(report.Sources.PetInstances.Count, ds.GetSequence(DicomTag.SourceImageSequence).Count);
    }

    [Fact]
    public void Pixel_values_times_scaling_give_the_dose()
    {
        var report = SyntheticReport.Create();
        var ds = RtDoseWriter.Build(report, RtDoseWriter.NewIdentity(report));
        var scaling = ds.GetDouble(DicomTag.DoseGridScaling);
        var pixels = ds.GetBytes(DicomTag.PixelData).Span;
        Assert.Equal(report.DoseGy.Count * 4, pixels.Length);
        foreach (var i in new[] { 0, 1234, report.DoseGy.Count / 2, report.DoseGy.Count - 1 })
        {
            var stored = BitConverter.ToUInt32(pixels.Slice(4 * i, 4));
            Assert.Equal(report.DoseGy.Voxels[i], stored * scaling, Math.Max(1e-9, report.DoseGy.Voxels[i] * 1e-6));
        }
    }

    [Fact]
    public void Pixel_spacing_lists_the_row_spacing_first_and_offsets_follow_the_slice_normal()
    {
        var report = SyntheticReport.Create(24, 20, 8);
        var g = report.DoseGy;
        // Rows 3 mm apart (y), columns 2 mm apart (x); slices stored head to feet (against the row x column normal).
        var pet = new Volume(24, 20, 8, new Vec3(2, 3, 4), new Vec3(10, 20, 30), sliceDirection: new Vec3(0, 0, -1),
            frameOfReferenceUid: g.FrameOfReferenceUid, voxels: report.PetBqPerMl.Voxels);
        var dose = pet.WithSameGeometry(g.Voxels);
        var flipped = report with { PetBqPerMl = pet, DoseGy = dose, Rois = [] };
        var ds = RtDoseWriter.Build(flipped, RtDoseWriter.NewIdentity(flipped));
        Assert.Equal([3.0, 2.0], ds.GetDoubles(DicomTag.PixelSpacing));
        Assert.Equal(Enumerable.Range(0, 8).Select(k => -4.0 * k), ds.GetDoubles(DicomTag.GridFrameOffsetVector));
        Assert.Equal([10.0, 20.0, 30.0], ds.GetDoubles(DicomTag.ImagePositionPatient));
    }

    [Fact]
    public void Sixteen_bit_variant_has_two_bytes_per_voxel()
    {
        var report = SyntheticReport.Create(24, 20, 8);
        var ds = RtDoseWriter.Build(report, RtDoseWriter.NewIdentity(report), bitsAllocated: 16);
        Assert.Equal(16, ds.GetInt(DicomTag.BitsAllocated));
        Assert.Equal(report.DoseGy.Count * 2, ds.GetBytes(DicomTag.PixelData).Length);
    }
}
