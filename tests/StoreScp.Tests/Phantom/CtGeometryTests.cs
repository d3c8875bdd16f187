using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Ct;
using VoxDose.Dosimetry.Volumes;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Phantom;

/// <summary>A CT with a broken geometry rule is named like the PET loader names it: not used (reason kept) when found, an error when named.</summary>
public class CtGeometryTests
{
    [Fact]
    public void A_ct_with_a_missing_slice_is_not_used_with_the_pet_loaders_reason_and_is_an_error_when_required()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-ct-geometry");
        try
        {
            var spec = new PhantomSpec { Columns = 40, Rows = 40, PixelSpacingMm = 20.35, Slices = 20, SliceSpacingMm = 11.2 };
            var phantom = PhantomStudyWriter.Write(spec, dir, withCt: true);
            var files = phantom.CtFiles.ToList();
            File.Delete(files[files.Count / 2]);
            files.RemoveAt(files.Count / 2);
            var grid = new Volume(spec.Columns, spec.Rows, spec.Slices, new Vec3(spec.PixelSpacingMm, spec.PixelSpacingMm, spec.SliceSpacingMm),
                spec.VoxelCentreMm(0, 0, 0), frameOfReferenceUid: phantom.Identity.FrameOfReferenceUid);

            var found = CtDensityBuilder.Build(files, grid, new HuDensityCalibration(), required: false, []);
            Assert.Null(found.Map);
            Assert.False(found.Provenance.CtUsed);
            var reason = Assert.Single(found.Provenance.CtNotUsed);
            Assert.Contains("unequal slice spacing", reason, StringComparison.Ordinal);
            Assert.Contains("soft tissue (1.04 g/mL) assumed", found.Provenance.Statement, StringComparison.Ordinal);

            var named = Assert.Throws<DoseInputException>(() => CtDensityBuilder.Build(files, grid, new HuDensityCalibration(), required: true, []));
            Assert.Contains("unequal slice spacing", named.Message, StringComparison.Ordinal);

        }
        finally { Directory.Delete(dir, true); }
    }
}
