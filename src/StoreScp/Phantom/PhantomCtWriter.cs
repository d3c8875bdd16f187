using VoxDose.Dicom;
using VoxDose.Dosimetry.Ct;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>What the phantom's CT holds: the CT numbers written and the lung mass they stand for (truth.json "ct").</summary>
public sealed record PhantomCtTruth
{
    public required double LungHu { get; init; }
    public required double SoftTissueHu { get; init; }
    public required double AirHu { get; init; }

    /// <summary>The lung density the phantom means, g/mL: <see cref="LungHu"/> through VoxDose's default calibration.</summary>
    public required double LungDensityGPerMl { get; init; }

    /// <summary>Lung volume inside the PET's field of view (the contoured lungs), mL.</summary>
    public required double LungVolumeMlInFieldOfView { get; init; }

    /// <summary>Lung mass inside the PET's field of view: volume x lung density, kg.</summary>
    public required double LungMassKgInFieldOfView { get; init; }

    /// <summary>The true mean lung dose with that mass: true lung activity in the field of view x 49.76 Gy kg/GBq / mass.</summary>
    public required double LungDoseGyWithCtMass { get; init; }

    public string Definition { get; init; } =
        "CT numbers at each CT voxel centre: air outside the body, lung inside the lung ellipsoids, soft tissue elsewhere in the body; "
        + "lung density = the lung HU through VoxDose's default HU-to-density calibration (Schneider 2000).";
}

/// <summary>
/// Writes the phantom's CT as CT Image Storage (PS3.3 A.3) in the PET's study and frame of reference: 256 x 256 pixels of
/// 1.953 mm (a 500 mm field), 3 mm slices covering the PET's axial extent, signed 16-bit HU (slope 1, intercept 0).
/// Lungs about -700 HU (0.31 g/mL), soft tissue 40 HU (1.05 g/mL), air -1000 HU.
/// </summary>
public static class PhantomCtWriter
{
    public const double LungHu = -700;
    public const double SoftTissueHu = 40;
    public const double AirHu = -1000;
    private const int Size = 256;
    private const double PixelMm = 500.0 / Size;
    private const double SliceMm = 3.0;

    /// <summary>The CT grid: centred on the origin like the PET, covering the PET's axial extent.</summary>
    public static Volume Grid(PhantomSpec spec, string frameOfReferenceUid)
    {
        var petExtentMm = spec.Slices * spec.SliceSpacingMm;
        var slices = (int)Math.Ceiling(petExtentMm / SliceMm);
        var origin = new Vec3(-(Size - 1) / 2.0 * PixelMm, -(Size - 1) / 2.0 * PixelMm, -(slices - 1) / 2.0 * SliceMm);
        return new Volume(Size, Size, slices, new Vec3(PixelMm, PixelMm, SliceMm), origin, frameOfReferenceUid: frameOfReferenceUid);
    }

    public static (IReadOnlyList<string> Files, PhantomCtTruth Truth) Write(PhantomSpec spec, PhantomIdentity identity, PhantomTruth truth, string directory)
    {
        Directory.CreateDirectory(directory);
        var grid = Grid(spec, identity.FrameOfReferenceUid);
        var lungs = spec.Regions.Where(r => r.Kind == "lung").ToList();
        var files = new List<string>();
        var acquisition = spec.AcquisitionDateTime.AddMinutes(-3); // the CT of a PET/CT comes first
        for (var k = 0; k < grid.SizeZ; k++)
        {
            var pixels = new short[Size * Size];
            for (var j = 0; j < Size; j++)
            for (var i = 0; i < Size; i++)
            {
                var p = grid.VoxelToPatient(i, j, k);
                var hu = !PhantomBuilder.InBody(p.X, p.Y) ? AirHu : lungs.Any(l => l.Contains(p.X, p.Y, p.Z)) ? LungHu : SoftTissueHu;
                pixels[i + Size * j] = (short)hu;
            }
            var ds = Slice(spec, identity, grid, k, acquisition);
            ds.AddOrUpdateValues<short>(DicomTag.PixelData, DicomVR.OW, pixels);
            var path = Path.Combine(directory, $"CT{k + 1:D4}.dcm");
            DicomFile.Create(ds).Save(path);
            files.Add(path);
        }
        var lungDensity = new HuDensityCalibration().DensityGPerMl(LungHu);
        var lungTruth = truth.Regions.Where(r => r.Kind == "lung").ToList();
        var volumeMl = lungTruth.Sum(r => r.VolumeMl);
        var massKg = volumeMl * lungDensity / 1000.0;
        var activityGBq = lungTruth.Sum(r => r.ActivityBqAtInjection) * 1e-9;
        return (files, new PhantomCtTruth
        {
            LungHu = LungHu,
            SoftTissueHu = SoftTissueHu,
            AirHu = AirHu,
            LungDensityGPerMl = lungDensity,
            LungVolumeMlInFieldOfView = volumeMl,
            LungMassKgInFieldOfView = massKg,
            LungDoseGyWithCtMass = massKg > 0 ? activityGBq * PhantomPhysics.LdmGyKgPerGBq / massKg : 0,
        });
    }

    private static DicomDataset Slice(PhantomSpec spec, PhantomIdentity identity, Volume grid, int k, DateTime acquisition)
    {
        var ds = identity.NewImage(spec, new(DicomUids.CTImageStorage, "CT", identity.CtSeriesInstanceUid, 3.0, "CT of the Y-90 PET/CT phantom"),
            k + 1, acquisition, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.AddOrUpdate(DicomTag.AcquisitionNumber, 1.0);
        ds.AddOrUpdate(DicomTag.PatientOrientation, "L", "P");
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, identity.FrameOfReferenceUid);
        ds.AddOrUpdate(DicomTag.PositionReferenceIndicator, "");
        ds.AddOrUpdate(DicomTag.PatientPosition, "HFS");
        ds.AddOrUpdate(DicomTag.BodyPartExamined, "ABDOMEN"); // unpaired: Laterality (Type 2C) is then absent
        ds.AddOrUpdate(DicomTag.KVP, 120.0);
        var position = grid.VoxelToPatient(0, 0, k);
        ds.AddOrUpdate(DicomTag.ImagePositionPatient, position.X, position.Y, position.Z);
        ds.AddOrUpdate(DicomTag.ImageOrientationPatient, 1.0, 0, 0, 0, 1, 0);
        ds.AddOrUpdate(DicomTag.SliceLocation, position.Z);
        ds.AddOrUpdate(DicomTag.SliceThickness, grid.SpacingMm.Z);
        ds.AddOrUpdate(DicomTag.PixelSpacing, grid.SpacingMm.Y, grid.SpacingMm.X);
        ds.AddOrUpdate(DicomTag.Rows, (double)grid.SizeY);
        ds.AddOrUpdate(DicomTag.Columns, (double)grid.SizeX);
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, 1.0);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.BitsAllocated, 16.0);
        ds.AddOrUpdate(DicomTag.BitsStored, 16.0);
        ds.AddOrUpdate(DicomTag.HighBit, 15.0);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, 1.0);
        ds.AddOrUpdate(DicomTag.RescaleIntercept, 0.0);
        ds.AddOrUpdate(DicomTag.RescaleSlope, 1.0);
        ds.AddOrUpdate(DicomTag.RescaleType, "HU");
        ds.AddOrUpdate(DicomTag.WindowCenter, 40.0);
        ds.AddOrUpdate(DicomTag.WindowWidth, 400.0);
        return ds;
    }
}
