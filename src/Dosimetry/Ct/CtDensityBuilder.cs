using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Ct;

/// <summary>The CT used for a dose: its HU on its own grid, the density on the dose grid, and where they came from.</summary>
public sealed record CtDensity(CtSeries? Ct, DensityMap? Map, DensityProvenance Provenance, HuDensityCalibration Calibration);

/// <summary>
/// Chooses the PET/CT's CT among the CT files offered (CT Image Storage with the PET's Frame of Reference UID; of several,
/// the one with the most slices, noted), loads it, and makes the density map on the dose grid. A CT in another frame of
/// reference is not used and the reason is kept; so is a CT that cannot be loaded, unless <c>required</c> (the user named
/// it), when the error is the caller's.
/// </summary>
public static class CtDensityBuilder
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    /// <exception cref="DoseInputException">Only when <paramref name="required"/>: no usable CT of the PET's frame of reference.</exception>
    public static CtDensity Build(IReadOnlyList<string> ctFiles, Volume doseGrid, HuDensityCalibration calibration, bool required, List<string> notes)
    {
        var notUsed = new List<string>();
        var series = new Dictionary<string, (string? Frame, string Modality, List<string> Files)>(StringComparer.Ordinal);
        foreach (var file in ctFiles.Distinct(StringComparer.Ordinal))
        {
            DicomDataset header;
            try { header = DicomFile.Open(file, HeaderOnly).Dataset; }
            catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException)
            {
                notUsed.Add($"{Path.GetFileName(file)}: not readable as DICOM ({e.Message})");
                continue;
            }
            var uid = header.GetString(DicomTag.SeriesInstanceUID) ?? "";
            if (!series.TryGetValue(uid, out var entry))
                series[uid] = entry = (header.GetString(DicomTag.FrameOfReferenceUID), header.GetString(DicomTag.Modality) ?? "", []);
            entry.Files.Add(file);
        }
        var frame = doseGrid.FrameOfReferenceUid;
        foreach (var (uid, s) in series.Where(s => s.Value.Frame != frame))
            notUsed.Add($"CT series {uid}: Frame of Reference UID (0020,0052) '{s.Frame}' is not the PET's '{frame}': not registered to the PET, not used");
        var candidates = series.Where(s => s.Value.Frame == frame).OrderByDescending(s => s.Value.Files.Count).ToList();
        foreach (var (uid, s) in candidates.Skip(1))
            notUsed.Add($"CT series {uid} ({s.Files.Count} images): another CT of the same frame of reference; the one with the most images was used");
        if (candidates.Count == 0)
        {
            if (required) throw new DoseInputException("No CT of the PET's frame of reference among the CT inputs: " + string.Join("; ", notUsed));
            return new CtDensity(null, null, DensityProvenance.WithoutCt(notUsed), calibration);
        }

        var (chosenUid, chosen) = candidates[0];
        CtSeries ct;
        try
        {
            var datasets = new List<DicomDataset>(chosen.Files.Count);
            foreach (var file in chosen.Files.Order(StringComparer.Ordinal))
            {
                try { datasets.Add(DicomFile.Open(file).Dataset); }
                catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException)
                {
                    throw new DoseInputException($"{Path.GetFileName(file)}: the CT image cannot be read ({e.Message}).", e);
                }
            }
            ct = CtSeriesLoader.Load(datasets);
        }
        catch (DoseInputException e)
        {
            if (required) throw new DoseInputException($"CT series {chosenUid}: {e.Message}", e);
            notUsed.Insert(0, $"CT series {chosenUid} not used: {e.Message}");
            return new CtDensity(null, null, DensityProvenance.WithoutCt(notUsed), calibration);
        }

        var (density, outside) = DensityResampler.ToGrid(ct.Hu, calibration, doseGrid);
        notes.AddRange(ct.LoadNotes);
        var describe = $"CT series {chosenUid}" + (string.IsNullOrWhiteSpace(ct.SeriesDescription) ? "" : $" ('{ct.SeriesDescription.Trim()}')");
        var statement = string.Create(CultureInfo.InvariantCulture,
            $"Density from the PET/CT's CT ({describe}) through the HU-to-density calibration, averaged onto the dose grid")
            + (outside > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {outside} dose-grid voxels outside the CT's field of view given {DensityProvenance.SoftTissueAssumed}") : "");
        var provenance = new DensityProvenance
        {
            CtUsed = true,
            CtSeriesInstanceUid = ct.SeriesInstanceUid,
            CtSeriesDescription = ct.SeriesDescription,
            Calibration = calibration.Description,
            Statement = statement,
            CtNotUsed = notUsed,
            VoxelsOutsideCt = outside,
        };
        return new CtDensity(ct, new DensityMap(density, describe + ", " + (calibration.Points.Count > 0 ? "configured HU-to-density table" : HuDensityCalibration.DefaultName)), provenance, calibration);
    }
}
