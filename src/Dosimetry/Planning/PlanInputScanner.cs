using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Planning;

/// <summary>The NM series and RTSTRUCTs found among the plan's inputs.</summary>
public sealed record PlanInputs(IReadOnlyList<PlanNmSeries> NmSeries, IReadOnlyList<string> StructureSetFiles, IReadOnlyList<string> Notes);

/// <summary>The files of one NM series and whether its Image Type says reconstructed slices (RECON TOMO) or planar views.</summary>
public sealed record PlanNmSeries(string SeriesInstanceUid, bool Tomographic, IReadOnlyList<string> Files);

/// <summary>
/// Sorts the inputs of <c>voxdose plan</c> (files and directories, searched recursively) into NM series and RTSTRUCTs
/// by their headers; other files are counted and skipped.
/// </summary>
public static class PlanInputScanner
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    public static PlanInputs Scan(IEnumerable<string> inputs)
    {
        var notes = new List<string>();
        var series = new Dictionary<string, (bool Tomo, List<string> Files)>(StringComparer.Ordinal);
        var structureSets = new List<string>();
        var skipped = 0;
        foreach (var path in IO.InputFiles.Expand(inputs, notes))
        {
            DicomDataset header;
            try { header = DicomFile.Open(path, HeaderOnly).Dataset; }
            catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException)
            {
                skipped++;
                continue;
            }
            var modality = header.GetString(DicomTag.Modality)?.Trim();
            if (header.GetString(DicomTag.SOPClassUID) == DicomUids.RTStructureSetStorage || modality == "RTSTRUCT") structureSets.Add(path);
            else if (modality == "NM" && header.GetString(DicomTag.SeriesInstanceUID) is { Length: > 0 } uid)
            {
                var tomo = IsTomographic(header.GetStrings(DicomTag.ImageType));
                if (!series.TryGetValue(uid, out var entry)) series[uid] = entry = (tomo, []);
                entry.Files.Add(path);
            }
            else skipped++;
        }
        if (skipped > 0) notes.Add($"{skipped} file(s) are neither NM images nor RTSTRUCTs (or not DICOM) and were skipped");
        return new PlanInputs([.. series.Select(s => new PlanNmSeries(s.Key, s.Value.Tomo, s.Value.Files)).OrderByDescending(s => s.Tomographic).ThenByDescending(s => s.Files.Count)],
            structureSets, notes);
    }

    /// <summary>Image Type (0008,0008) value 3 says reconstructed slices (RECON TOMO, RECON GATED TOMO), not planar views.</summary>
    public static bool IsTomographic(IReadOnlyList<string> imageType) =>
        imageType.Count > 2 && imageType[2].Trim().Contains("TOMO", StringComparison.OrdinalIgnoreCase);
}
