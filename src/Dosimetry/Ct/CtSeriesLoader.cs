using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Ct;

/// <summary>A CT series as the dosimetry needs it: CT numbers (HU) on the CT's own grid, and what the loader did.</summary>
public sealed record CtSeries(Volume Hu, string? SeriesInstanceUid, string? SeriesDescription, IReadOnlyList<string> LoadNotes);

/// <summary>
/// Builds a <see cref="CtSeries"/> from the datasets of one CT Image Storage series (one slice per dataset), with the
/// same geometry rules, named the same way, as the PET loader (<see cref="SliceStack"/>): slices sorted along the normal,
/// equal spacing, one orientation, no tilt. Each slice is rescaled with its own Rescale Slope/Intercept to HU.
/// </summary>
public static class CtSeriesLoader
{
    public static CtSeries Load(IReadOnlyList<DicomDataset> datasets)
    {
        if (datasets.Count == 0) throw new DoseInputException("The CT series holds no datasets.");
        var first = datasets[0];
        var modality = first.GetString(DicomTag.Modality);
        if (modality != "CT") throw new DoseInputException($"Modality (0008,0060) is '{modality}'; a CT series is needed.");
        var seriesUid = first.GetString(DicomTag.SeriesInstanceUID);
        var slices = datasets.Select(PetSliceGeometry.Read).ToList();
        SliceStack.CheckConsistent(slices, seriesUid);
        foreach (var s in slices)
        {
            var type = s.Dataset.GetString(DicomTag.RescaleType)?.Trim();
            if (!string.IsNullOrEmpty(type) && !string.Equals(type, "HU", StringComparison.OrdinalIgnoreCase))
                throw new DoseInputException($"{s.Label}: Rescale Type (0028,1054) is '{type}'; CT numbers in HU are needed for the density calibration.");
        }
        var (sorted, normal, spacingZ) = SliceStack.Sort(slices, first);
        var reference = slices[0];
        int nx = reference.Columns, ny = reference.Rows, nz = sorted.Count;
        var volume = new Volume(nx, ny, nz, new Vec3(reference.ColumnSpacingMm, reference.RowSpacingMm, spacingZ), sorted[0].PositionMm,
            reference.Row, reference.Column, normal, reference.FrameOfReferenceUid);
        try
        {
            Parallel.For(0, nz, z => PetPixelDecoder.DecodeInto(sorted[z].Dataset, sorted[z].Label, volume.Voxels.AsSpan(z * nx * ny, nx * ny), 1.0));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is DoseInputException or DicomDataException) is { } inner)
        {
            throw inner is DoseInputException ? inner : new DoseInputException(inner.Message, inner);
        }
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"CT: {nz} slices of {nx} x {ny} sorted along the normal, {reference.ColumnSpacingMm:0.###} x {reference.RowSpacingMm:0.###} x {spacingZ:0.###} mm"),
        };
        return new CtSeries(volume, seriesUid, first.GetString(DicomTag.SeriesDescription), notes);
    }
}
