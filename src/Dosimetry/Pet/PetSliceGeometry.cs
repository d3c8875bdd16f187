using VoxDose.Dicom;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Pet;

/// <summary>The geometry attributes of one PET slice, read and checked for presence.</summary>
internal sealed record PetSliceGeometry(DicomDataset Dataset, string Label, int Rows, int Columns, Vec3 Row, Vec3 Column, Vec3 PositionMm,
    double RowSpacingMm, double ColumnSpacingMm, string? FrameOfReferenceUid)
{
    public static PetSliceGeometry Read(DicomDataset ds, int ordinal)
    {
        var label = Describe(ds, ordinal);
        try
        {
            var orientation = ds.GetDoubles(DicomTag.ImageOrientationPatient);
            if (orientation.Length != 6) throw new DoseInputException($"{label}: Image Orientation (Patient) (0020,0037) needs 6 values, found {orientation.Length}.");
            var position = ds.GetDoubles(DicomTag.ImagePositionPatient);
            if (position.Length != 3) throw new DoseInputException($"{label}: Image Position (Patient) (0020,0032) needs 3 values, found {position.Length}.");
            var spacing = ds.GetDoubles(DicomTag.PixelSpacing);
            if (spacing.Length != 2 || !(spacing[0] > 0 && spacing[1] > 0))
                throw new DoseInputException($"{label}: Pixel Spacing (0028,0030) needs 2 positive values, found [{string.Join(", ", spacing)}].");
            var row = new Vec3(orientation[0], orientation[1], orientation[2]);
            var column = new Vec3(orientation[3], orientation[4], orientation[5]);
            if (Math.Abs(row.Length - 1) > 1e-3 || Math.Abs(column.Length - 1) > 1e-3 || Math.Abs(row.Dot(column)) > 1e-3)
                throw new DoseInputException($"{label}: Image Orientation (Patient) (0020,0037) is not two orthogonal unit vectors.");
            return new PetSliceGeometry(ds, label, ds.GetInt(DicomTag.Rows), ds.GetInt(DicomTag.Columns), row.Normalized(), column.Normalized(),
                new Vec3(position[0], position[1], position[2]), spacing[0], spacing[1], ds.GetString(DicomTag.FrameOfReferenceUID));
        }
        catch (DicomDataException ex)
        {
            throw new DoseInputException($"{label}: {ex.Message}", ex);
        }
    }

    /// <summary>"slice 3 (Instance Number 12, SOP Instance UID ...)": how errors name a slice (no patient data).</summary>
    public static string Describe(DicomDataset ds, int ordinal)
    {
        var instance = ds.GetString(DicomTag.InstanceNumber);
        var uid = ds.GetString(DicomTag.SOPInstanceUID);
        return $"dataset {ordinal + 1} (Instance Number {instance ?? "absent"}, SOP Instance UID {uid ?? "absent"})";
    }
}
