using VoxDose.Dicom;
using VoxDose.Dosimetry.Planning;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Planning;

/// <summary>Spatial Registration (PS3.3 C.20.2) transforms and the voxel-wise dose difference, against analytic maps.</summary>
public class VoxelDoseComparisonTests
{
    // Plan frame A -> PET frame B: 90 degrees about z, then a translation (mm). x_B = R x_A + t.
    private static readonly double[] Rotation = [0, -1, 0, 1, 0, 0, 0, 0, 1];
    private static readonly Vec3 Shift = new(12.5, -7.0, 3.0);

    private static DicomDataset Registration(string ownFrame, params (string Frame, double[] Matrix16)[] items)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, SpatialRegistration.SopClassUid);
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, DicomVR.UI, ownFrame);
        var registrations = new List<DicomDataset>();
        foreach (var (frame, m) in items)
        {
            var matrix = new DicomDataset();
            matrix.AddOrUpdate(DicomTag.FrameOfReferenceTransformationMatrixType, DicomVR.CS, "RIGID");
            matrix.AddOrUpdate(DicomTag.FrameOfReferenceTransformationMatrix, m);
            var matrixRegistration = new DicomDataset();
            matrixRegistration.AddOrUpdateSequence(DicomTag.MatrixSequence, matrix);
            var item = new DicomDataset();
            item.AddOrUpdate(DicomTag.FrameOfReferenceUID, DicomVR.UI, frame);
            item.AddOrUpdateSequence(DicomTag.MatrixRegistrationSequence, matrixRegistration);
            registrations.Add(item);
        }
        ds.AddOrUpdateSequence(DicomTag.RegistrationSequence, registrations);
        return ds;
    }

    private static double[] Matrix16(double[] r, Vec3 t) => [r[0], r[1], r[2], t.X, r[3], r[4], r[5], t.Y, r[6], r[7], r[8], t.Z, 0, 0, 0, 1];

    private static readonly double[] Identity16 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

    [Fact]
    public void Registration_maps_the_plan_frame_to_the_pet_frame_and_back()
    {
        // Registered frame B (the PET's): A's item carries x_B = R x_A + t, B's the identity.
        var reg = Registration("1.2.B", ("1.2.A", Matrix16(Rotation, Shift)), ("1.2.B", Identity16));
        var aToB = SpatialRegistration.TransformBetween(reg, "1.2.A", "1.2.B")!;
        var p = aToB.Apply(new Vec3(10, 20, 30));
        Assert.Equal((-20 + 12.5, 10 - 7.0, 30 + 3.0), (p.X, p.Y, p.Z));
        var back = SpatialRegistration.TransformBetween(reg, "1.2.B", "1.2.A")!.Apply(p);
        Assert.Equal(10, back.X, 9);
        Assert.Equal(20, back.Y, 9);
        Assert.Equal(30, back.Z, 9);
        Assert.Null(SpatialRegistration.TransformBetween(reg, "1.2.A", "1.2.C"));

        // Both frames registered to a third: A -> B = (B -> reg)^-1 after (A -> reg).
        var third = Registration("1.2.R", ("1.2.A", Matrix16(Rotation, Shift)), ("1.2.B", Matrix16([1, 0, 0, 0, 1, 0, 0, 0, 1], new Vec3(1, 2, 3))));
        var q = SpatialRegistration.TransformBetween(third, "1.2.A", "1.2.B")!.Apply(new Vec3(10, 20, 30));
        Assert.Equal((-20 + 12.5 - 1, 10 - 7.0 - 2, 30 + 3.0 - 3), (q.X, q.Y, q.Z));
    }

    [Fact]
    public void A_bad_matrix_is_an_error_naming_the_attribute()
    {
        var reg = Registration("1.2.B", ("1.2.A", [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1]));
        var e = Assert.Throws<InvalidDataException>(() => SpatialRegistration.TransformBetween(reg, "1.2.A", "1.2.B"));
        Assert.Contains("(3006,00C6)", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A smooth dose blob (Gy) centred at <paramref name="centre"/>, 100 Gy peak, 15 mm sigma.</summary>
    private static double Blob(Vec3 x, Vec3 centre)
    {
        var d = x - centre;
        return 100 * Math.Exp(-d.Dot(d) / (2 * 15.0 * 15.0));
    }

    [Fact]
    public void The_same_dose_seen_through_the_registration_differs_by_interpolation_only_and_without_it_by_much_more()
    {
        var centreA = new Vec3(5, -3, 8);
        var predicted = new Volume(40, 40, 40, new Vec3(2.5, 2.5, 2.5), new Vec3(-45, -50, -42), frameOfReferenceUid: "1.2.A");
        for (var z = 0; z < 40; z++) for (var y = 0; y < 40; y++) for (var x = 0; x < 40; x++)
            predicted[x, y, z] = (float)Blob(predicted.VoxelToPatient(x, y, z), centreA);
        var aToB = AffineTransform.FromDicom(Matrix16(Rotation, Shift));
        var centreB = aToB.Apply(centreA);
        var delivered = new Volume(30, 30, 30, new Vec3(3, 3, 3), new Vec3(-40, -40, -35), frameOfReferenceUid: "1.2.B");
        for (var z = 0; z < 30; z++) for (var y = 0; y < 30; y++) for (var x = 0; x < 30; x++)
            delivered[x, y, z] = (float)Blob(delivered.VoxelToPatient(x, y, z), centreB);

        var registered = VoxelDoseComparison.Compare(predicted, delivered, aToB);
        Assert.True(registered.VoxelsCompared > 1000, $"{registered.VoxelsCompared} voxels");
        Assert.InRange(registered.MeanDifferenceGy, -0.5, 0.5);   // trilinear interpolation of a 15 mm blob on 2.5 mm voxels
        Assert.InRange(registered.SdDifferenceGy, 0, 0.6);
        Assert.Equal(1.0, registered.FractionWithinTolerance);
        Assert.Equal(registered.VoxelsCompared, registered.HistogramCounts.Sum());

        var unregistered = VoxelDoseComparison.Compare(predicted, delivered, AffineTransform.Identity);
        Assert.True(unregistered.SdDifferenceGy > 10, $"SD without the registration {unregistered.SdDifferenceGy} Gy");

        // A factor of 2 in the delivered dose is a mean difference of the mean dose compared: the units are carried through.
        var doubled = delivered.WithSameGeometry([.. delivered.Voxels.Select(v => 2 * v)]);
        var twice = VoxelDoseComparison.Compare(predicted, doubled, aToB);
        Assert.True(twice.MeanDifferenceGy > 10, $"{twice.MeanDifferenceGy} Gy");
    }
}
