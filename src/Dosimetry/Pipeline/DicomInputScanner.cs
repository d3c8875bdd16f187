using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Pipeline;

/// <summary>
/// Sorts input files and directories (searched recursively) into PET series, CT images and RTSTRUCTs by their headers
/// (SOP Class UID, Modality). Files that are not DICOM, and other objects, are skipped with a note.
/// </summary>
public static class DicomInputScanner
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    public static DicomInputSet Scan(IEnumerable<string> inputs)
    {
        var notes = new List<string>();
        var series = new Dictionary<string, (string? Study, string? Frame, List<string> Files)>(StringComparer.Ordinal);
        var structureSets = new List<string>();
        var structureSetDatasets = new Dictionary<string, DicomDataset>(StringComparer.Ordinal);
        var ctFiles = new List<string>();
        var skipped = 0;
        foreach (var path in IO.InputFiles.Expand(inputs, notes))
        {
            DicomFile file;
            try { file = DicomFile.Open(path, HeaderOnly); }
            catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException)
            {
                skipped++;
                continue;
            }
            var header = file.Dataset;
            var sopClass = header.GetString(DicomTag.SOPClassUID);
            var modality = header.GetString(DicomTag.Modality);
            if (sopClass == DicomUids.RTStructureSetStorage || string.Equals(modality, "RTSTRUCT", StringComparison.OrdinalIgnoreCase))
            {
                structureSets.Add(path);
                // An RTSTRUCT has no pixel data, so the "header" read parsed it to its end: keep it rather than read it again.
                if (!file.StoppedBeforePixelData) structureSetDatasets[path] = header;
            }
            else if (sopClass is DicomUids.PETImageStorage or DicomUids.EnhancedPETImageStorage || string.Equals(modality, "PT", StringComparison.OrdinalIgnoreCase))
            {
                var uid = header.GetString(DicomTag.SeriesInstanceUID);
                if (string.IsNullOrEmpty(uid))
                {
                    notes.Add($"{path}: PET image without Series Instance UID (0020,000E), skipped");
                    continue;
                }
                if (!series.TryGetValue(uid, out var entry))
                    series[uid] = entry = (header.GetString(DicomTag.StudyInstanceUID), header.GetString(DicomTag.FrameOfReferenceUID), []);
                entry.Files.Add(path);
            }
            else if (sopClass == DicomUids.CTImageStorage || (sopClass is null && string.Equals(modality, "CT", StringComparison.OrdinalIgnoreCase)))
            {
                ctFiles.Add(path);
            }
            else
            {
                skipped++;
            }
        }
        if (skipped > 0) notes.Add($"{skipped} file(s) are neither PET images, CT images nor RTSTRUCTs (or not DICOM) and were skipped");
        var pets = series.Select(s => new PetSeriesFiles(s.Key, s.Value.Study, s.Value.Frame, [.. s.Value.Files.Order(StringComparer.Ordinal)]))
            .OrderByDescending(s => s.Files.Count).ToList();
        return new DicomInputSet(pets, structureSets, notes) { StructureSetDatasets = structureSetDatasets, CtFiles = ctFiles };
    }
}
