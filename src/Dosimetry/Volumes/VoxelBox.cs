namespace VoxDose.Dosimetry.Volumes;

/// <summary>
/// An axis-aligned box of voxel indices, bounds included (x0..x1, y0..y1, z0..z1); empty when x1 &lt; x0. Used to
/// visit only the part of a grid where a region can have non-zero weights, in the same z, y, x order as the whole grid.
/// </summary>
public readonly record struct VoxelBox(int X0, int Y0, int Z0, int X1, int Y1, int Z1)
{
    public static VoxelBox Empty => new(int.MaxValue, int.MaxValue, int.MaxValue, -1, -1, -1);

    /// <summary>The whole grid of <paramref name="volume"/>.</summary>
    public static VoxelBox All(Volume volume) => new(0, 0, 0, volume.SizeX - 1, volume.SizeY - 1, volume.SizeZ - 1);

    public bool IsEmpty => X1 < X0 || Y1 < Y0 || Z1 < Z0;

    /// <summary>The smallest box holding this one and the voxel (x, y, z).</summary>
    public VoxelBox Including(int x, int y, int z) =>
        new(Math.Min(X0, x), Math.Min(Y0, y), Math.Min(Z0, z), Math.Max(X1, x), Math.Max(Y1, y), Math.Max(Z1, z));

    /// <summary>The smallest box holding this one and <paramref name="other"/>.</summary>
    public VoxelBox Union(VoxelBox other) => other.IsEmpty ? this : IsEmpty ? other
        : new(Math.Min(X0, other.X0), Math.Min(Y0, other.Y0), Math.Min(Z0, other.Z0), Math.Max(X1, other.X1), Math.Max(Y1, other.Y1), Math.Max(Z1, other.Z1));
}
