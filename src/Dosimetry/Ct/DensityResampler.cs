using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Ct;

/// <summary>
/// The CT's density (g/mL, through the calibration) averaged onto the dose grid: each dose voxel takes the mean density
/// of a regular set of points inside it (as many per axis as CT voxels fit across it, 1 to 4), each point reading its
/// nearest CT voxel. The mean of densities, not the density of the mean HU, so a voxel half lung and half tissue gets the
/// mean mass. Dose voxels with no point inside the CT (outside its field of view) get soft tissue and are counted.
/// </summary>
public static class DensityResampler
{
    private const int MaxPointsPerAxis = 4;

    /// <returns>The density map on <paramref name="grid"/> and the number of its voxels outside the CT.</returns>
    public static (Volume DensityGPerMl, long VoxelsOutsideCt) ToGrid(Volume huCt, HuDensityCalibration calibration, Volume grid)
    {
        var rho = huCt.WithSameGeometry();
        for (var i = 0; i < rho.Count; i++) rho.Voxels[i] = (float)calibration.DensityGPerMl(huCt.Voxels[i]);

        int PointsAlong(double gridSpacing, Vec3 direction)
        {
            // The CT's spacing along this grid axis (its voxels are axis-aligned boxes in their own frame).
            var ctSpacing = Math.Abs(direction.Dot(huCt.RowDirection)) * huCt.SpacingMm.X + Math.Abs(direction.Dot(huCt.ColumnDirection)) * huCt.SpacingMm.Y
                + Math.Abs(direction.Dot(huCt.SliceDirection)) * huCt.SpacingMm.Z;
            return Math.Clamp((int)Math.Ceiling(gridSpacing / ctSpacing - 1e-6), 1, MaxPointsPerAxis);
        }
        int sx = PointsAlong(grid.SpacingMm.X, grid.RowDirection), sy = PointsAlong(grid.SpacingMm.Y, grid.ColumnDirection),
            sz = PointsAlong(grid.SpacingMm.Z, grid.SliceDirection);

        // The CT index of a grid index is affine: index0 + i di + j dj + k dk.
        var origin = huCt.PatientToVoxel(grid.VoxelToPatient(0, 0, 0));
        var di = huCt.PatientToVoxel(grid.VoxelToPatient(1, 0, 0)) - origin;
        var dj = huCt.PatientToVoxel(grid.VoxelToPatient(0, 1, 0)) - origin;
        var dk = huCt.PatientToVoxel(grid.VoxelToPatient(0, 0, 1)) - origin;
        var result = grid.WithSameGeometry();
        long outside = 0;
        Parallel.For(0, grid.SizeZ, () => 0L, (k, _, localOutside) =>
        {
            for (var j = 0; j < grid.SizeY; j++)
            for (var i = 0; i < grid.SizeX; i++)
            {
                double sum = 0;
                var n = 0;
                for (var c = 0; c < sz; c++)
                for (var b = 0; b < sy; b++)
                for (var a = 0; a < sx; a++)
                {
                    double fi = i + (a + 0.5) / sx - 0.5, fj = j + (b + 0.5) / sy - 0.5, fk = k + (c + 0.5) / sz - 0.5;
                    var p = origin + di * fi + dj * fj + dk * fk;
                    var x = (int)Math.Round(p.X);
                    var y = (int)Math.Round(p.Y);
                    var z = (int)Math.Round(p.Z);
                    if (x < 0 || y < 0 || z < 0 || x >= huCt.SizeX || y >= huCt.SizeY || z >= huCt.SizeZ) continue;
                    sum += rho.Voxels[x + huCt.SizeX * (y + huCt.SizeY * z)];
                    n++;
                }
                var index = grid.Index(i, j, k);
                if (n > 0) result.Voxels[index] = (float)(sum / n);
                else
                {
                    result.Voxels[index] = (float)Y90Constants.SoftTissueDensityGPerCm3;
                    localOutside++;
                }
            }
            return localOutside;
        }, localOutside => Interlocked.Add(ref outside, localOutside));
        return (result, outside);
    }
}
