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

    /// <summary>
    /// The box's rows on the grid of <paramref name="grid"/>, z then y, as a pass over the whole grid meets them: a sum
    /// over the rows' voxels adds them in the order the whole-grid sum does. None for an empty box.
    /// <c>foreach (var row in box.Rows(grid)) for (var i = row.First; i &lt;= row.Last; i++) ...</c>
    /// </summary>
    public RowEnumerator Rows(Volume grid) => new(this, grid.SizeX, grid.SizeY);

    /// <summary>The rows of a box (a struct enumerator: no allocation in the loops over voxels).</summary>
    public struct RowEnumerator
    {
        private readonly VoxelBox _box;
        private readonly int _sizeX, _sizeY;
        private int _y, _z;

        internal RowEnumerator(VoxelBox box, int sizeX, int sizeY)
        {
            _box = box;
            _sizeX = sizeX;
            _sizeY = sizeY;
            _y = box.Y1;
            _z = box.Z0 - 1;
        }

        public readonly RowEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_box.IsEmpty) return false;
            if (_y < _box.Y1)
            {
                _y++;
                return true;
            }
            if (_z >= _box.Z1) return false;
            _z++;
            _y = _box.Y0;
            return true;
        }

        public readonly VoxelRow Current
        {
            get
            {
                var offset = _sizeX * (_y + _sizeY * _z);
                return new VoxelRow(offset, offset + _box.X0, offset + _box.X1, _y, _z);
            }
        }
    }
}

/// <summary>One row of a <see cref="VoxelBox"/> on a grid: the flat indices <see cref="First"/>..<see cref="Last"/>
/// (x0..x1 at this y and z); the voxel at flat index i has x = i - <see cref="Offset"/>.</summary>
public readonly record struct VoxelRow(int Offset, int First, int Last, int Y, int Z);
