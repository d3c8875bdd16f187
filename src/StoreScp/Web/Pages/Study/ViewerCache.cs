using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting;
using VoxDose.Reporting.Images;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Web.Pages.Study;

/// <summary>What the slice viewer draws: PET (Bq/mL) and dose (Gy) on the PET grid, the ROI masks, default window and range.</summary>
public sealed record ViewerVolumes(Volume PetBqPerMl, Volume DoseGy, IReadOnlyList<SliceOutline> Outlines, double PetMaxBqPerMl, double DoseMaxGy,
    int DefaultSlice);

/// <summary>
/// Loads the viewer's volumes from what the node stored (never recomputes): the PET from the spooled instances, the
/// dose from the revision's RT Dose (stored value x Dose Grid Scaling, frames in PET slice order), the contours from the
/// RTSTRUCT rasterised on the same grid. Keeps the last few studies in memory.
/// </summary>
public sealed class ViewerCache(StudyRepository studies, InstanceRepository instances, ComputationRepository computations)
{
    public const int Capacity = 3;
    private readonly Lock _gate = new();
    private readonly LinkedList<((string, long) Key, Task<ViewerVolumes> Value)> _entries = new();

    public Task<ViewerVolumes> GetAsync(string studyUid, long revision, CancellationToken ct)
    {
        lock (_gate)
        {
            var hit = _entries.FirstOrDefault(e => e.Key == (studyUid, revision));
            if (hit.Value is not null && !hit.Value.IsFaulted && !hit.Value.IsCanceled)
            {
                _entries.Remove(hit);
                _entries.AddFirst(hit);
                return hit.Value;
            }
            var task = Task.Run(() => LoadAsync(studyUid, revision, CancellationToken.None), ct);
            _entries.AddFirst(((studyUid, revision), task));
            while (_entries.Count > Capacity) _entries.RemoveLast();
            return task;
        }
    }

    private async Task<ViewerVolumes> LoadAsync(string studyUid, long revision, CancellationToken ct)
    {
        var computation = await computations.GetAsync(studyUid, revision, ct).ConfigureAwait(false);
        if (computation?.OutputDir is not { } outputDir || !File.Exists(Path.Combine(outputDir, ReportWriter.RtDoseFile)))
            throw new FileNotFoundException($"Revision {revision} of the study has no RT Dose yet.");
        var series = await studies.SeriesAsync(studyUid, ct).ConfigureAwait(false);
        var pet = series.Where(s => s.Role == SeriesRole.Y90Pet && s.CompletedAt is not null).OrderByDescending(s => s.CompletedAt).FirstOrDefault()
            ?? throw new FileNotFoundException("The study has no complete Y-90 PET series.");
        var petFiles = await instances.LatestOfSeriesAsync(pet.SeriesUid, ct).ConfigureAwait(false);
        var petVolume = PetSeriesLoader.Load(petFiles.Select(f => DicomFile.Open(f.Path).Dataset).ToList()).ActivityBqPerMl;
        var dose = ReadDose(Path.Combine(outputDir, ReportWriter.RtDoseFile), petVolume);

        var outlines = new List<SliceOutline>();
        var rt = series.Where(s => s.Role == SeriesRole.RtStruct).OrderByDescending(s => s.LastReceivedAt).FirstOrDefault();
        if (rt is not null && (await instances.LatestOfSeriesAsync(rt.SeriesUid, ct).ConfigureAwait(false)).OrderByDescending(i => i.ReceivedAt).FirstOrDefault() is { } rtFile)
        {
            var set = RtStructReader.Read(rtFile.Path);
            foreach (var roi in set.Rois.Where(r => r.Contours.Count > 0))
                outlines.Add(new SliceOutline(roi.Name, ContourRasterizer.Rasterize(dose, roi.Contours).Weights, false));
        }
        var petMax = Percentile(petVolume.Voxels, 0.995);
        var doseMax = dose.Voxels.Length == 0 ? 1 : Math.Max(1e-6, dose.Voxels.Max());
        return new ViewerVolumes(petVolume, dose, outlines, petMax, doseMax, SliceChoice.MaxSlice(dose));
    }

    /// <summary>The RT Dose in Gy as a volume on the PET grid; refuses one whose grid differs.</summary>
    public static Volume ReadDose(string path, Volume petGrid)
    {
        var ds = DicomFile.Open(path).Dataset;
        var pixels = DicomPixelData.From(ds);
        if (pixels.Columns != petGrid.SizeX || pixels.Rows != petGrid.SizeY || pixels.NumberOfFrames != petGrid.SizeZ)
            throw new InvalidDataException($"The RT Dose grid {pixels.Columns}x{pixels.Rows}x{pixels.NumberOfFrames} is not the PET grid {petGrid.SizeX}x{petGrid.SizeY}x{petGrid.SizeZ}.");
        var scaling = ds.GetDouble(DicomTag.DoseGridScaling);
        var voxels = new float[petGrid.Count];
        for (var k = 0; k < pixels.NumberOfFrames; k++)
        {
            var offset = k * petGrid.StrideZ;
            if (pixels.BitsAllocated == 32)
            {
                var frame = pixels.GetFrame<uint>(k);
                for (var p = 0; p < frame.Length; p++) voxels[offset + p] = (float)(frame[p] * scaling);
            }
            else
            {
                var frame = pixels.GetFrame<ushort>(k);
                for (var p = 0; p < frame.Length; p++) voxels[offset + p] = (float)(frame[p] * scaling);
            }
        }
        return petGrid.WithSameGeometry(voxels);
    }

    private static double Percentile(float[] values, double q)
    {
        var positive = values.Where(v => v > 0 && float.IsFinite(v)).ToArray();
        if (positive.Length == 0) return 1;
        Array.Sort(positive);
        return positive[(int)Math.Min(positive.Length - 1, Math.Floor(q * positive.Length))];
    }
}
