using VoxDose.Dicom;
using VoxDose.Reporting.Images;
using VoxDose.Reporting.Tests.Fixtures;

namespace VoxDose.Reporting.Tests.Images;

public class SecondaryCaptureWriterTests
{
    [Fact]
    public void One_rgb_frame_per_fused_slice_labelled_with_the_roi()
    {
        var report = SyntheticReport.Create();
        var slices = FusionSeries.Render(report);
        var ds = SecondaryCaptureWriter.Build(report, SecondaryCaptureWriter.NewIdentity(report), slices);
        Assert.Equal(DicomUids.MultiFrameTrueColorSecondaryCaptureImageStorage, ds.GetString(DicomTag.SOPClassUID));
        Assert.Equal(slices.Count, ds.GetInt(DicomTag.NumberOfFrames));
        Assert.Equal("RGB", ds.GetString(DicomTag.PhotometricInterpretation));
        Assert.Equal(FusionRenderer.Height, ds.GetInt(DicomTag.Rows));
        Assert.Equal(slices.Count * FusionRenderer.Width * FusionRenderer.Height * 3, ds.GetBytes(DicomTag.PixelData).Length);
        Assert.StartsWith("Lesion 1", ds.GetStrings(DicomTag.FrameLabelVector)[0]);
        Assert.Equal(["L", "P"], ds.GetStrings(DicomTag.PatientOrientation));
        Assert.True(slices[1].Rgb.AsSpan().SequenceEqual(ds.GetBytes(DicomTag.PixelData).Span.Slice(slices[0].Rgb.Length, slices[1].Rgb.Length)));
    }
}
