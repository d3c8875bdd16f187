using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Decay;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Pet;

/// <summary>
/// Builds a <see cref="PetSeries"/> from the datasets of one PET Image Storage series (one slice per dataset).
/// </summary>
/// <remarks>
/// Slices are sorted by their position along the slice normal (row x column direction), never by Instance Number.
/// Every slice must share Rows/Columns, Pixel Spacing, Image Orientation, Frame of Reference and lie on one line
/// along the normal (no gantry tilt), at equal spacing; otherwise a <see cref="DoseInputException"/> names the slice
/// and the rule. Each slice is rescaled with its own Rescale Slope/Intercept. Units BQML are used as they are;
/// CNTS is converted with Philips' activity concentration scale factor (7053,1009) when present; anything else is refused.
/// </remarks>
public static class PetSeriesLoader
{
    private const string PhilipsPetCreator = "Philips PET Private Group";

    /// <summary>Attributes read from the first slice that every slice must repeat.</summary>
    private static readonly (DicomTag Tag, string Name)[] SeriesWideAttributes =
    [
        (DicomTag.Units, "Units (0054,1001)"),
        (DicomTag.DecayCorrection, "Decay Correction (0054,1102)"),
    ];

    public static PetSeries Load(IReadOnlyList<DicomDataset> datasets)
    {
        if (datasets.Count == 0) throw new DoseInputException("The PET series holds no datasets.");
        var first = datasets[0];
        var modality = first.GetString(DicomTag.Modality);
        if (modality != "PT") throw new DoseInputException($"Modality (0008,0060) is '{modality}'; a PET (PT) series is needed.");
        var seriesUid = first.GetString(DicomTag.SeriesInstanceUID);
        var notes = new List<string>();

        var slices = datasets.Select(PetSliceGeometry.Read).ToList();
        var reference = slices[0];
        SliceStack.CheckConsistent(slices, seriesUid);
        foreach (var s in slices)
            foreach (var (tag, name) in SeriesWideAttributes)
                if (s.Dataset.GetString(tag)?.Trim() != first.GetString(tag)?.Trim())
                    throw new DoseInputException($"{s.Label}: {name} is '{s.Dataset.GetString(tag)}', the first dataset's is '{first.GetString(tag)}': one value per series.");
        if (first.TryGetInt(DicomTag.NumberOfSlices, out var expectedSlices) && expectedSlices != datasets.Count)
            throw new DoseInputException($"Number of Slices (0054,0081) is {expectedSlices} but {datasets.Count} datasets were given: the series is incomplete or mixed.");

        var (sorted, normal, spacingZ) = SliceStack.Sort(slices, first);
        var (units, unitFactor) = Units(first, notes);
        int nx = reference.Columns, ny = reference.Rows, nz = sorted.Count;
        var volume = new Volume(nx, ny, nz, new Vec3(reference.ColumnSpacingMm, reference.RowSpacingMm, spacingZ), sorted[0].PositionMm,
            reference.Row, reference.Column, normal, reference.FrameOfReferenceUid);
        var sliceTimes = new DateTime?[nz];
        try
        {
            Parallel.For(0, nz, z =>
            {
                var s = sorted[z];
                PetPixelDecoder.DecodeInto(s.Dataset, s.Label, volume.Voxels.AsSpan(z * nx * ny, nx * ny), unitFactor(s.Dataset, s.Label));
                sliceTimes[z] = AcquisitionDateTime(s.Dataset);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is DoseInputException or DicomDataException) is { } inner)
        {
            throw inner is DoseInputException ? inner : new DoseInputException(inner.Message, inner);
        }
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{nz} slices sorted along the normal ({normal}), spacing {spacingZ:0.####} mm"));

        var header = ReadHeader(first, units, sliceTimes, notes);
        return new PetSeries { ActivityBqPerMl = volume, Header = header, SliceAcquisitionDateTimes = sliceTimes, SeriesInstanceUid = seriesUid, LoadNotes = notes };
    }

    private static (string Units, Func<DicomDataset, string, double> Factor) Units(DicomDataset first, List<string> notes)
    {
        var units = first.GetString(DicomTag.Units)?.Trim().ToUpperInvariant();
        switch (units)
        {
            case "BQML":
                return ("BQML", (_, _) => 1.0);
            case "CNTS":
                notes.Add("Units CNTS converted to Bq/mL with the Philips activity concentration scale factor (7053,1009), per slice");
                return ("BQML", (ds, label) => PhilipsActivityScale(ds)
                    ?? throw new DoseInputException($"{label}: Units (0054,1001) is CNTS and the Philips activity concentration scale factor (7053,1009) is missing: counts cannot be converted to Bq/mL."));
            default:
                throw new DoseInputException($"Units (0054,1001) is '{units ?? "absent"}'; VoxDose needs BQML (or Philips CNTS with (7053,1009)).");
        }
    }

    /// <summary>(7053,xx09) in the block reserved by "Philips PET Private Group", when present and positive.</summary>
    internal static double? PhilipsActivityScale(DicomDataset ds)
    {
        for (ushort block = 0x10; block <= 0xFF; block++)
        {
            if (ds.GetString(new DicomTag(0x7053, block))?.Trim() != PhilipsPetCreator) continue;
            var tag = new DicomTag(0x7053, (ushort)((block << 8) | 0x09));
            return ds.TryGetDouble(tag, out var v) && v > 0 ? v : null;
        }
        return null;
    }

    private static DateTime? AcquisitionDateTime(DicomDataset ds)
    {
        var dt = ds.GetDicomDateTime(DicomTag.AcquisitionDateTime);
        return dt?.Value ?? ds.GetDateTime(DicomTag.AcquisitionDate, DicomTag.AcquisitionTime);
    }

    private static PetAcquisitionHeader ReadHeader(DicomDataset first, string units, DateTime?[] sliceTimes, List<string> notes)
    {
        var seriesDateTime = first.GetDateTime(DicomTag.SeriesDate, DicomTag.SeriesTime);
        var earliest = sliceTimes.Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty().Min();
        DateTime? earliestAcquisition = earliest == default ? null : earliest;

        var radiopharm = first.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence);
        if (radiopharm.Count == 0) throw new DoseInputException("Radiopharmaceutical Information Sequence (0054,0016) is missing: no injection time or radionuclide.");
        var item = radiopharm[0];
        DateTime? injection = item.GetDicomDateTime(DicomTag.RadiopharmaceuticalStartDateTime)?.Value;
        if (injection is null && item.GetTime(DicomTag.RadiopharmaceuticalStartTime) is { } startTime)
        {
            var date = first.GetDate(DicomTag.SeriesDate) ?? (earliestAcquisition is { } e ? DateOnly.FromDateTime(e) : null);
            if (date is null) throw new DoseInputException("Radiopharmaceutical Start Time (0018,1072) has no date to go with it (no Series Date).");
            injection = date.Value.ToDateTime(startTime);
            notes.Add("Injection time from Radiopharmaceutical Start Time (0018,1072) on the series date: no Radiopharmaceutical Start DateTime (0018,1078)");
            var acquisition = earliestAcquisition ?? seriesDateTime;
            if (acquisition is { } a && injection > a)
            {
                injection = injection.Value.AddDays(-1);
                notes.Add("Start Time is later than the acquisition on the same date: the injection is taken the day before");
            }
        }

        return RadionuclideHeaderReader.Read(first) with
        {
            Units = units,
            DecayCorrection = first.GetString(DicomTag.DecayCorrection),
            SeriesDateTime = seriesDateTime,
            EarliestAcquisitionDateTime = earliestAcquisition,
            InjectionDateTime = injection,
            ManufacturerModelName = first.GetString(DicomTag.ManufacturerModelName),
        };
    }
}
