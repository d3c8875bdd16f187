using System.Text.Json;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Nm;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>Where a written MAA + Y-90 phantom pair is.</summary>
public sealed record PhantomMaaStudy(PhantomIdentity MaaIdentity, string SpectFile, string MaaRtStructFile, string MaaTruthFile, PhantomStudy Y90);

/// <summary>
/// Writes the pre-treatment Tc-99m MAA SPECT/CT of the phantom patient (one NM multi-frame RECON TOMO object in counts
/// and its RTSTRUCT, in their own study and frame of reference) and the post-treatment Y-90 PET study of the same
/// patient a week later (<see cref="PhantomStudyWriter"/>). The MAA shows the same relative uptake as the Y-90 (an
/// ideal surrogate), blurred to SPECT resolution; its truth.json holds the true mean dose per region for the Y-90
/// activity, which is what a perfect partition-model plan at that activity would predict.
/// Layout: <c>maa/nm/spect.dcm</c>, <c>maa/rtstruct.dcm</c>, <c>maa/truth.json</c>, <c>y90/pet/</c>, <c>y90/rtstruct.dcm</c>, <c>y90/truth.json</c>.
/// </summary>
public static class PhantomMaaStudyWriter
{
    /// <summary>Days between the MAA work-up and the Y-90 treatment.</summary>
    public const int DaysBeforeTreatment = 7;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static PhantomMaaStudy Write(PhantomSpec y90Spec, string directory, PhantomIdentity? y90Identity = null)
    {
        y90Identity ??= new PhantomIdentity();
        var maaIdentity = new PhantomIdentity
        {
            PatientName = y90Identity.PatientName,
            PatientId = y90Identity.PatientId,
            AccessionNumber = y90Identity.AccessionNumber + "M",
            StudyDescription = "Pre-treatment Tc-99m MAA SPECT/CT (synthetic phantom)",
        };
        // A SPECT grid over the same anatomy: 4.42 mm voxels, ~12 mm resolution, light noise, no post-filter.
        var maaSpec = y90Spec with
        {
            Columns = 96, Rows = 96, Slices = 54, PixelSpacingMm = 4.42, SliceSpacingMm = 4.42,
            ResolutionFwhmMm = 12.0, PostFilterFwhmMm = 0.1, NoiseAtLiverFraction = 0.05,
            InjectionDateTime = y90Spec.InjectionDateTime.AddDays(-DaysBeforeTreatment), ScanDelayH = 1.0,
        };
        var volumes = PhantomBuilder.Build(maaSpec);
        var image = volumes.PetBqPerMlAtScanStart;
        double max = 0;
        foreach (var v in image.Voxels) max = Math.Max(max, v);
        var countsScale = max > 0 ? 2000.0 / max : 1.0; // counts, not activity: the plan needs only ratios
        var counts = new Volume(image.SizeX, image.SizeY, image.SizeZ, image.SpacingMm, image.OriginMm, frameOfReferenceUid: maaIdentity.FrameOfReferenceUid,
            voxels: [.. image.Voxels.Select(v => (float)(v * countsScale))]);

        var maaDir = Path.Combine(directory, "maa");
        Directory.CreateDirectory(Path.Combine(maaDir, "nm"));
        var ds = NmSpectWriter.ToDataset(counts, maaIdentity.StudyInstanceUid, maaIdentity.PetSeriesInstanceUid, maaIdentity.PatientId, maaSpec.AcquisitionDateTime);
        maaIdentity.WritePatientAndStudy(ds, maaSpec);
        ds.AddOrUpdate(DicomTag.PatientSize, 1.75);
        var spectFile = Path.Combine(maaDir, "nm", "spect.dcm");
        DicomFile.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Save(spectFile);
        var rtStruct = PhantomRtStructWriter.Write(maaSpec, maaIdentity, Path.Combine(maaDir, "rtstruct.dcm"));
        var truthFile = Path.Combine(maaDir, "truth.json");
        File.WriteAllText(truthFile, JsonSerializer.Serialize(volumes.Truth with
        {
            DoseDefinition = "True mean Y-90 LDM dose per region if the Y-90 follows the MAA (same relative uptake) at InjectedActivityBq with "
                + "LungShuntFraction; D = A0 [GBq] x 49.76 Gy kg/GBq (VoxDose's one LDM constant) / m [kg], soft tissue 1.04 g/cm3 (lungs included). SPECT pixels are counts.",
        }, Json));

        var y90 = PhantomStudyWriter.Write(y90Spec, Path.Combine(directory, "y90"), y90Identity);
        return new PhantomMaaStudy(maaIdentity, spectFile, rtStruct, truthFile, y90);
    }
}
