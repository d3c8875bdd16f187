using System.Runtime.CompilerServices;
using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Kernels;

/// <summary>
/// Builds a voxel S-value kernel by integrating a dose point kernel over a uniform source voxel and a target voxel.
/// </summary>
/// <remarks>
/// For points uniform in two boxes of size h offset by (i hx, j hy, k hz), the displacement d has per axis a
/// triangle density, so the energy deposited in target (i, j, k) per decay is
/// <c>E_ijk = ∫ dE(r) (1/4π) ∮ Π_axes Λ(d_a/h_a - n_a) dΩ</c>, with Λ(u) = max(0, 1 - |u|) and dE(r) the energy the
/// point kernel deposits between r and r + dr (cumulative-energy form: no 1/r² singularity at r = 0).
/// The radial integral uses Gauss-Legendre nodes in every shell (dE/dr constant within a shell), the angular one
/// Gauss-Legendre in cos θ (split at the equator) times the midpoint rule in φ (split at the quadrants), so the
/// integrand's kinks on the coordinate planes fall on panel edges. Every quadrature point is "splatted" to its 8
/// neighbouring targets with trilinear weights that sum to one, hence Σ E_ijk equals the point kernel's energy exactly.
/// Scaling to the medium: the same shell energies at radii r / ρ_e, with ρ_e = ρ η the range-scaling density (η: electrons
/// per gram relative to water), and dose per mass ρ: D(r) = η ρ_e² D_water(ρ_e r); η = 1 is the usual ρ² D_water(ρ r).
/// S = E_ijk x 1.602e-13 J/MeV / m_voxel (kg) in Gy per decay, x 1e9 for mGy/(MBq s).
/// </remarks>
public static class VoxelSValueKernelBuilder
{
    private const int RadialNodesPerShell = 3;
    private const int PolarNodesPerHemisphere = 48;
    private const int AzimuthNodesPerQuadrant = 48;

    public static VoxelSValueKernel Build(PointKernel pointKernel, Vec3 spacingMm, double densityGPerCm3, double relativeElectronsPerGram = 1.0)
    {
        if (!(relativeElectronsPerGram >= 0.8 && relativeElectronsPerGram <= 1.2))
            throw new ArgumentOutOfRangeException(nameof(relativeElectronsPerGram), $"Electrons per gram relative to water must be in 0.8-1.2, got {relativeElectronsPerGram}.");
        if (!(spacingMm.X > 0 && spacingMm.Y > 0 && spacingMm.Z > 0) || !double.IsFinite(spacingMm.X + spacingMm.Y + spacingMm.Z))
            throw new ArgumentOutOfRangeException(nameof(spacingMm), $"Kernel spacing must be positive and finite, got {spacingMm} mm.");
        if (!(densityGPerCm3 >= 0.01 && densityGPerCm3 <= 25))
            throw new ArgumentOutOfRangeException(nameof(densityGPerCm3), $"Density must be in 0.01-25 g/cm3, got {densityGPerCm3}.");

        var rangeDensity = densityGPerCm3 * relativeElectronsPerGram;
        var maxRadiusMm = pointKernel.MaxRadiusMm(rangeDensity);
        int hx = (int)Math.Floor(maxRadiusMm / spacingMm.X) + 1;
        int hy = (int)Math.Floor(maxRadiusMm / spacingMm.Y) + 1;
        int hz = (int)Math.Floor(maxRadiusMm / spacingMm.Z) + 1;
        // Accumulation grid: indices 0..h+1 per axis (the splat reaches one past the last index with a zero weight).
        int nx = hx + 2, ny = hy + 2, nz = hz + 2;

        var directions = BuildDirections();
        var (radiiMm, radialEnergyMeV) = BuildRadialNodes(pointKernel, rangeDensity);

        // Parallel over radial nodes, one accumulation grid per worker, summed at the end (deterministic order).
        var workerCount = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var chunk = (radiiMm.Length + workerCount - 1) / workerCount;
        var grids = new double[workerCount][];
        Parallel.For(0, workerCount, w =>
        {
            var grid = new double[nx * ny * nz];
            var end = Math.Min(radiiMm.Length, (w + 1) * chunk);
            for (var q = w * chunk; q < end; q++)
                Splat(grid, radiiMm[q], radialEnergyMeV[q], directions, spacingMm, nx, ny);
            grids[w] = grid;
        });
        var energyMeV = new double[(hx + 1) * (hy + 1) * (hz + 1)];
        foreach (var grid in grids)
            for (var k = 0; k <= hz; k++)
                for (var j = 0; j <= hy; j++)
                    for (var i = 0; i <= hx; i++)
                        energyMeV[i + (hx + 1) * (j + (hy + 1) * k)] += grid[i + nx * (j + ny * k)];

        // Only directions of the positive octant were splatted, each standing for its 8 mirror images (the
        // quadrature is mirror-symmetric and has no node on a coordinate plane). An index 0 target receives both
        // mirror images of a direction along that axis, an index n > 0 target only one: halve per non-zero index.
        var voxelMassKg = spacingMm.X * spacingMm.Y * spacingMm.Z / 1000.0 * densityGPerCm3 / 1000.0;
        var toMGyPerMBqS = Y90Constants.JoulesPerMeV / voxelMassKg * 1e9;
        var octant = new double[(hx + 1) * (hy + 1) * (hz + 1)];
        for (var k = 0; k <= hz; k++)
            for (var j = 0; j <= hy; j++)
                for (var i = 0; i <= hx; i++)
                {
                    var share = (i == 0 ? 1.0 : 0.5) * (j == 0 ? 1.0 : 0.5) * (k == 0 ? 1.0 : 0.5);
                    octant[i + (hx + 1) * (j + (hy + 1) * k)] = energyMeV[i + (hx + 1) * (j + (hy + 1) * k)] * share * toMGyPerMBqS;
                }

        var description = FormattableString.Invariant(
            $"{pointKernel.Source}; integrated over source and target voxels {spacingMm.X:0.###} x {spacingMm.Y:0.###} x {spacingMm.Z:0.###} mm, density {densityGPerCm3:0.###} g/cm3, electrons per gram {relativeElectronsPerGram:0.0000} x water (range density {rangeDensity:0.0000} g/cm3); quadrature {RadialNodesPerShell} radial nodes/shell, {2 * PolarNodesPerHemisphere} x {4 * AzimuthNodesPerQuadrant} directions");
        return new VoxelSValueKernel(spacingMm, densityGPerCm3, relativeElectronsPerGram, hx, hy, hz, octant, pointKernel.TotalEnergyMeV, description);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Splat(double[] grid, double radiusMm, double energyMeV, (double X, double Y, double Z, double W)[] directions,
        Vec3 spacingMm, int nx, int ny)
    {
        double sx = radiusMm / spacingMm.X, sy = radiusMm / spacingMm.Y, sz = radiusMm / spacingMm.Z;
        foreach (var (dx, dy, dz, w) in directions)
        {
            double ux = dx * sx, uy = dy * sy, uz = dz * sz;
            int ix = (int)ux, iy = (int)uy, iz = (int)uz;
            double fx = ux - ix, fy = uy - iy, fz = uz - iz;
            var e = energyMeV * w;
            var b = ix + nx * (iy + ny * iz);
            double wy0z0 = (1 - fy) * (1 - fz) * e, wy1z0 = fy * (1 - fz) * e, wy0z1 = (1 - fy) * fz * e, wy1z1 = fy * fz * e;
            grid[b] += (1 - fx) * wy0z0;
            grid[b + 1] += fx * wy0z0;
            grid[b + nx] += (1 - fx) * wy1z0;
            grid[b + nx + 1] += fx * wy1z0;
            var bz = b + nx * ny;
            grid[bz] += (1 - fx) * wy0z1;
            grid[bz + 1] += fx * wy0z1;
            grid[bz + nx] += (1 - fx) * wy1z1;
            grid[bz + nx + 1] += fx * wy1z1;
        }
    }

    /// <summary>
    /// Unit directions of the positive octant, each weighted for its 8 mirror images, so that the weights sum to 1
    /// over the sphere (the spherical mean): Gauss-Legendre in cos θ on (0, 1), midpoints in φ on (0, π/2).
    /// </summary>
    private static (double X, double Y, double Z, double W)[] BuildDirections()
    {
        var (mu, muWeight) = GaussLegendre.Nodes(PolarNodesPerHemisphere, 0.0, 1.0);
        var list = new List<(double, double, double, double)>(mu.Length * AzimuthNodesPerQuadrant);
        for (var p = 0; p < mu.Length; p++)
        {
            var cosTheta = mu[p];
            var sinTheta = Math.Sqrt(Math.Max(0, 1 - cosTheta * cosTheta));
            // μ weight over [0, 1] (the upper hemisphere = 1/2 of the sphere) / quadrant azimuths, x 8 mirrors / 8 octants.
            var w = muWeight[p] / AzimuthNodesPerQuadrant;
            for (var a = 0; a < AzimuthNodesPerQuadrant; a++)
            {
                var phi = (a + 0.5) * (Math.PI / 2) / AzimuthNodesPerQuadrant;
                list.Add((sinTheta * Math.Cos(phi), sinTheta * Math.Sin(phi), cosTheta, w));
            }
        }
        return [.. list];
    }

    /// <summary>Radii (mm, in the medium) and the energy (MeV per decay) each radial node stands for.</summary>
    private static (double[] RadiiMm, double[] EnergyMeV) BuildRadialNodes(PointKernel kernel, double rangeDensityGPerCm3)
    {
        var (x, w) = GaussLegendre.Nodes(RadialNodesPerShell, 0.0, 1.0);
        var radii = new List<double>();
        var energies = new List<double>();
        var inner = 0.0;
        for (var n = 0; n < kernel.OuterRadiusWaterMm.Count; n++)
        {
            var outer = kernel.OuterRadiusWaterMm[n] / rangeDensityGPerCm3;
            for (var q = 0; q < x.Length; q++)
            {
                radii.Add(inner + x[q] * (outer - inner));
                energies.Add(kernel.ShellEnergyMeV[n] * w[q]);
            }
            inner = outer;
        }
        return ([.. radii], [.. energies]);
    }
}
