using VoxDose.Dicom;
using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Pipeline;

namespace VoxDose.Reporting.Model;

/// <summary>Reads the PET data sets of one series back from the pipeline's inputs (files or directories).</summary>
public static class PetInputFiles
{
    /// <exception cref="DoseInputException">The series is not among the inputs, or a file cannot be read.</exception>
    public static IReadOnlyList<DicomDataset> Load(IEnumerable<string> inputs, string? seriesInstanceUid)
    {
        var scan = DicomInputScanner.Scan(inputs);
        var series = (seriesInstanceUid is null ? (scan.PetSeries.Count > 0 ? scan.PetSeries[0] : null) : scan.PetSeries.FirstOrDefault(s => s.SeriesInstanceUid == seriesInstanceUid))
            ?? throw new DoseInputException($"PET series {seriesInstanceUid ?? "(any)"} is not among the inputs.");
        var datasets = new List<DicomDataset>(series.Files.Count);
        foreach (var file in series.Files)
        {
            try { datasets.Add(DicomFile.Open(file).Dataset); }
            catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException)
            {
                throw new DoseInputException($"{file}: the PET image cannot be read ({e.Message}).", e);
            }
        }
        return datasets;
    }
}
