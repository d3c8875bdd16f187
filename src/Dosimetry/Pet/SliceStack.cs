using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Pet;

/// <summary>
/// The geometry rules of a single-frame image series (PET or CT), in one place: every slice shares Rows/Columns, Pixel
/// Spacing, Image Orientation and Frame of Reference, has no gantry tilt, and the slices lie on one line along the normal
/// (row x column), at equal spacing. A broken rule is a <see cref="DoseInputException"/> naming the slice and the rule.
/// </summary>
internal static class SliceStack
{
    private const double OrientationTolerance = 1e-4;
    private const double SpacingToleranceMm = 1e-3;
    private const double TiltToleranceMm = 0.01;

    /// <summary>Checks the slices against the first one (<paramref name="seriesUid"/>: every slice's Series Instance UID).</summary>
    public static void CheckConsistent(IReadOnlyList<PetSliceGeometry> slices, string? seriesUid)
    {
        var reference = slices[0];
        foreach (var s in slices)
        {
            var ds = s.Dataset;
            if (ds.GetString(DicomTag.SeriesInstanceUID) != seriesUid) throw new DoseInputException($"{s.Label}: Series Instance UID (0020,000E) differs from the first dataset's: one series at a time.");
            if (ds.TryGetInt(DicomTag.NumberOfFrames, out var frames) && frames > 1)
                throw new DoseInputException($"{s.Label}: Number of Frames (0028,0008) is {frames}; multi-frame (Enhanced PET) images are not supported.");
            if (s.Rows != reference.Rows || s.Columns != reference.Columns)
                throw new DoseInputException($"{s.Label}: Rows x Columns (0028,0010/0011) {s.Rows} x {s.Columns} differ from {reference.Label}'s {reference.Rows} x {reference.Columns}.");
            if (Math.Abs(s.RowSpacingMm - reference.RowSpacingMm) > SpacingToleranceMm || Math.Abs(s.ColumnSpacingMm - reference.ColumnSpacingMm) > SpacingToleranceMm)
                throw new DoseInputException($"{s.Label}: Pixel Spacing (0028,0030) {s.RowSpacingMm}\\{s.ColumnSpacingMm} differs from {reference.Label}'s {reference.RowSpacingMm}\\{reference.ColumnSpacingMm}.");
            if ((s.Row - reference.Row).Length > OrientationTolerance || (s.Column - reference.Column).Length > OrientationTolerance)
                throw new DoseInputException($"{s.Label}: Image Orientation (Patient) (0020,0037) differs from {reference.Label}'s: one orientation per series.");
            if (s.FrameOfReferenceUid != reference.FrameOfReferenceUid)
                throw new DoseInputException($"{s.Label}: Frame of Reference UID (0020,0052) '{s.FrameOfReferenceUid}' differs from {reference.Label}'s '{reference.FrameOfReferenceUid}'.");
            if (ds.TryGetDouble(DicomTag.GantryDetectorTilt, out var tilt) && Math.Abs(tilt) > 1e-3)
                throw new DoseInputException($"{s.Label}: Gantry/Detector Tilt (0018,1120) is {tilt} degrees; tilted acquisitions are not supported.");
        }
        if (string.IsNullOrEmpty(reference.FrameOfReferenceUid)) throw new DoseInputException("Frame of Reference UID (0020,0052) is missing: the dose could not be placed on the patient.");
    }

    /// <summary>The slices sorted along the normal, the normal, and the (equal) slice spacing in mm.</summary>
    public static (List<PetSliceGeometry> Sorted, Vec3 Normal, double SpacingZMm) Sort(IReadOnlyList<PetSliceGeometry> slices, DicomDataset first)
    {
        var reference = slices[0];
        var normal = reference.Row.Cross(reference.Column).Normalized();
        var sorted = slices.OrderBy(s => s.PositionMm.Dot(normal)).ToList();
        var gaps = new double[Math.Max(0, sorted.Count - 1)];
        for (var i = 1; i < sorted.Count; i++)
        {
            var step = sorted[i].PositionMm - sorted[i - 1].PositionMm;
            gaps[i - 1] = step.Dot(normal);
            if (gaps[i - 1] < SpacingToleranceMm)
                throw new DoseInputException($"{sorted[i].Label} and {sorted[i - 1].Label} share one position along the slice normal: duplicate slice.");
            var inPlane = (step - normal * gaps[i - 1]).Length;
            if (inPlane > TiltToleranceMm)
                throw new DoseInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{sorted[i].Label} is shifted {inPlane:0.###} mm in-plane from the previous slice: the slices are not stacked along the normal (gantry tilt or mixed stacks)."));
        }
        var spacingZ = gaps.Length > 0 ? gaps.Average() : first.TryGetDouble(DicomTag.SliceThickness, out var thickness) && thickness > 0 ? thickness
            : throw new DoseInputException("A single slice without Slice Thickness (0018,0050): the voxel depth is unknown.");
        for (var i = 0; i < gaps.Length; i++)
            if (Math.Abs(gaps[i] - spacingZ) > Math.Max(SpacingToleranceMm, 1e-3 * spacingZ))
                throw new DoseInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{sorted[i + 1].Label} is {gaps[i]:0.####} mm from the previous slice, the series' mean spacing is {spacingZ:0.####} mm: unequal slice spacing."));
        return (sorted, normal, spacingZ);
    }
}
