namespace VoxDose.Dosimetry.Contours;

/// <summary>Sub-voxel sampling of the rasteriser.</summary>
public sealed record ContourRasterOptions
{
    /// <summary>
    /// Sample rows per voxel along y when the contour planes are parallel to the grid slices (the usual case). Along
    /// x the coverage of each row is exact and along z the slab overlap is exact, so 8 rows give 8 x exact sampling.
    /// </summary>
    public int RowsPerVoxel { get; init; } = 8;

    /// <summary>Sample points per voxel and axis when contour planes are oblique to the grid (N x N x N points).</summary>
    public int ObliqueSamplesPerAxis { get; init; } = 4;

    public void Validate()
    {
        if (RowsPerVoxel is < 4 or > 64) throw new ArgumentOutOfRangeException(nameof(RowsPerVoxel), RowsPerVoxel, "Rows per voxel must be 4..64.");
        if (ObliqueSamplesPerAxis is < 4 or > 16)
            throw new ArgumentOutOfRangeException(nameof(ObliqueSamplesPerAxis), ObliqueSamplesPerAxis, "Oblique samples per axis must be 4..16.");
    }
}
