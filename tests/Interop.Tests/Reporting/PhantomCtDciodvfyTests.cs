using VoxDose.Dicom;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>The phantom's CT (<c>voxdose phantom --ct</c>) is a valid CT Image Storage object for dicom3tools' dciodvfy, in the PET's frame of reference.</summary>
public class PhantomCtDciodvfyTests
{
    [Fact]
    public void Phantom_ct_slices_validate_with_dciodvfy_and_share_the_pets_study_and_frame_of_reference()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-phantom-ct");
        try
        {
            var spec = new PhantomSpec { Columns = 64, Rows = 64, PixelSpacingMm = 12.72, Slices = 32, SliceSpacingMm = 7 };
            var phantom = PhantomStudyWriter.Write(spec, dir, withCt: true);
            Assert.Equal((int)Math.Ceiling(32 * 7 / 3.0), phantom.CtFiles.Count);
            foreach (var file in new[] { phantom.CtFiles[0], phantom.CtFiles[^1] })
            {
                var report = Dciodvfy.Run(file);
                Assert.False(report.Aborted, report.Raw);
                Assert.Empty(report.Errors);
                Assert.Empty(report.Warnings);
            }
            var ct = DicomFile.Open(phantom.CtFiles[0]).Dataset;
            var pet = DicomFile.Open(phantom.PetFiles[0]).Dataset;
            Assert.Equal(DicomUids.CTImageStorage, ct.GetString(DicomTag.SOPClassUID));
            Assert.Equal(pet.GetString(DicomTag.StudyInstanceUID), ct.GetString(DicomTag.StudyInstanceUID));
            Assert.Equal(pet.GetString(DicomTag.FrameOfReferenceUID), ct.GetString(DicomTag.FrameOfReferenceUID));
            Assert.NotNull(phantom.Truth.Ct);
            Assert.InRange(phantom.Truth.Ct!.LungDensityGPerMl, 0.28, 0.33);
        }
        finally { Directory.Delete(dir, true); }
    }
}
