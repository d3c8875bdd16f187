using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Nm;

/// <summary>Reads the radiopharmaceutical and energy-window facts of an NM header (PS3.3 C.8.4.10 / C.8.4.11).</summary>
public static class NmHeaderReader
{
    public static NmRadiopharmaceutical Radiopharmaceutical(DicomDataset ds)
    {
        var item = First(ds.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence));
        var nuclide = item is null ? null : First(item.GetSequence(DicomTag.RadionuclideCodeSequence));
        var drug = item is null ? null : First(item.GetSequence(DicomTag.RadiopharmaceuticalCodeSequence));
        var windows = new List<NmEnergyWindow>();
        foreach (var w in ds.GetSequence(DicomTag.EnergyWindowInformationSequence))
        {
            var ranges = new List<(double, double)>();
            foreach (var r in w.GetSequence(DicomTag.EnergyWindowRangeSequence))
                if (r.TryGetDouble(DicomTag.EnergyWindowLowerLimit, out var lo) && r.TryGetDouble(DicomTag.EnergyWindowUpperLimit, out var hi))
                    ranges.Add((lo, hi));
            windows.Add(new NmEnergyWindow(w.GetString(DicomTag.EnergyWindowName), ranges));
        }
        return new NmRadiopharmaceutical
        {
            RadionuclideCodeValue = nuclide?.GetString(DicomTag.CodeValue),
            RadionuclideCodingScheme = nuclide?.GetString(DicomTag.CodingSchemeDesignator),
            RadionuclideCodeMeaning = nuclide?.GetString(DicomTag.CodeMeaning),
            RadiopharmaceuticalCodeValue = drug?.GetString(DicomTag.CodeValue),
            RadiopharmaceuticalCodeMeaning = drug?.GetString(DicomTag.CodeMeaning),
            Radiopharmaceutical = item?.GetString(DicomTag.Radiopharmaceutical),
            RadionuclideHalfLifeS = item is not null && item.TryGetDouble(DicomTag.RadionuclideHalfLife, out var h) ? h : null,
            EnergyWindows = windows,
            SeriesDescription = ds.GetString(DicomTag.SeriesDescription),
        };
    }

    private static DicomDataset? First(IReadOnlyList<DicomDataset> items) => items.Count > 0 ? items[0] : null;
}
