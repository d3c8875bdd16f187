namespace VoxDose.Dosimetry.Nm;

/// <summary>One frame of a planar NM image: counts per pixel (rows x columns, row-major), its detector and view.</summary>
public sealed record NmPlanarView(int Frame, int Detector, string? View, int Rows, int Columns, double RowSpacingMm, double ColumnSpacingMm, float[] Counts)
{
    /// <summary>Sum of the counts in the pixels where <paramref name="inside"/> is true (all pixels when null).</summary>
    public double SumCounts(Func<int, int, bool>? inside = null)
    {
        double sum = 0;
        for (var r = 0; r < Rows; r++)
            for (var c = 0; c < Columns; c++)
                if (inside is null || inside(r, c)) sum += Counts[r * Columns + c];
        return sum;
    }
}
