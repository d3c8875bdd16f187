namespace VoxDose.Dosimetry.Volumes;

/// <summary>
/// A 3-D scalar image on a regular grid: flat <c>float[]</c> voxels with x fastest, then y, then z,
/// and the geometry that places each voxel centre in DICOM patient coordinates (mm).
/// </summary>
/// <remarks>
/// Voxel (i, j, k) has its centre at <c>OriginMm + i * SpacingMm.X * RowDirection + j * SpacingMm.Y *
/// ColumnDirection + k * SpacingMm.Z * SliceDirection</c>. For a DICOM image series, RowDirection and
/// ColumnDirection are the two halves of Image Orientation (Patient), OriginMm is the first slice's Image
/// Position (Patient), and SliceDirection is the unit normal along which slices are ordered.
/// The unit of the voxel values is the owner's business and is named by the variable holding the volume
/// (for example <c>activityBqPerMl</c>, <c>doseGy</c>).
/// </remarks>
public sealed class Volume
{
    public Volume(int sizeX, int sizeY, int sizeZ, Vec3 spacingMm, Vec3 originMm,
        Vec3? rowDirection = null, Vec3? columnDirection = null, Vec3? sliceDirection = null,
        string? frameOfReferenceUid = null, float[]? voxels = null)
    {
        if (sizeX <= 0 || sizeY <= 0 || sizeZ <= 0)
            throw new ArgumentOutOfRangeException(nameof(sizeX), $"Volume dimensions must be positive, got {sizeX} x {sizeY} x {sizeZ}.");
        if (!(spacingMm.X > 0 && spacingMm.Y > 0 && spacingMm.Z > 0))
            throw new ArgumentOutOfRangeException(nameof(spacingMm), $"Voxel spacing must be positive, got {spacingMm} mm.");
        SizeX = sizeX;
        SizeY = sizeY;
        SizeZ = sizeZ;
        SpacingMm = spacingMm;
        OriginMm = originMm;
        RowDirection = (rowDirection ?? new Vec3(1, 0, 0)).Normalized();
        ColumnDirection = (columnDirection ?? new Vec3(0, 1, 0)).Normalized();
        SliceDirection = (sliceDirection ?? RowDirection.Cross(ColumnDirection)).Normalized();
        FrameOfReferenceUid = frameOfReferenceUid;
        long count = (long)sizeX * sizeY * sizeZ;
        if (count > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(sizeX), "Volume too large for one array.");
        if (voxels is not null && voxels.Length != count)
            throw new ArgumentException($"Voxel array has {voxels.Length} values, expected {count}.", nameof(voxels));
        Voxels = voxels ?? new float[count];
    }

    public int SizeX { get; }
    public int SizeY { get; }
    public int SizeZ { get; }
    public Vec3 SpacingMm { get; }
    public Vec3 OriginMm { get; }
    public Vec3 RowDirection { get; }
    public Vec3 ColumnDirection { get; }
    public Vec3 SliceDirection { get; }
    public string? FrameOfReferenceUid { get; }
    public float[] Voxels { get; }

    public int Count => Voxels.Length;
    public int StrideY => SizeX;
    public int StrideZ => SizeX * SizeY;

    /// <summary>Volume of one voxel in mL (cm3): the product of the spacings in mm divided by 1000.</summary>
    public double VoxelVolumeMl => SpacingMm.X * SpacingMm.Y * SpacingMm.Z / 1000.0;

    public int Index(int x, int y, int z) => x + SizeX * (y + SizeY * z);

    public float this[int x, int y, int z]
    {
        get => Voxels[Index(x, y, z)];
        set => Voxels[Index(x, y, z)] = value;
    }

    /// <summary>Patient-coordinate position (mm) of a (possibly fractional) voxel index.</summary>
    public Vec3 VoxelToPatient(double i, double j, double k) =>
        OriginMm + RowDirection * (i * SpacingMm.X) + ColumnDirection * (j * SpacingMm.Y) + SliceDirection * (k * SpacingMm.Z);

    /// <summary>Fractional voxel index of a patient-coordinate point (inverse of <see cref="VoxelToPatient"/>).</summary>
    public Vec3 PatientToVoxel(Vec3 pointMm)
    {
        var d = pointMm - OriginMm;
        return new Vec3(d.Dot(RowDirection) / SpacingMm.X, d.Dot(ColumnDirection) / SpacingMm.Y, d.Dot(SliceDirection) / SpacingMm.Z);
    }

    /// <summary>A new volume on the same grid, filled with zeros (or the given voxels).</summary>
    public Volume WithSameGeometry(float[]? voxels = null) =>
        new(SizeX, SizeY, SizeZ, SpacingMm, OriginMm, RowDirection, ColumnDirection, SliceDirection, FrameOfReferenceUid, voxels);

    /// <summary>True when both volumes have the same dimensions and place voxel centres within <paramref name="toleranceMm"/>.</summary>
    public bool HasSameGrid(Volume other, double toleranceMm = 1e-3) =>
        SizeX == other.SizeX && SizeY == other.SizeY && SizeZ == other.SizeZ
        && (VoxelToPatient(0, 0, 0) - other.VoxelToPatient(0, 0, 0)).Length <= toleranceMm
        && (VoxelToPatient(SizeX - 1, SizeY - 1, SizeZ - 1) - other.VoxelToPatient(SizeX - 1, SizeY - 1, SizeZ - 1)).Length <= toleranceMm;
}
