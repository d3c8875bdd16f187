using System.Globalization;
using Microsoft.Extensions.Options;
using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Planning;

/// <summary>
/// The plan a Y-90 study links (<see cref="PlanLinker"/>): its row, study, MAA study date and plan.json, or
/// none (<see cref="PlanJsonPath"/> null) with <see cref="Statement"/> saying why; <see cref="VoxelComparison"/> says
/// whether the dose maps are compared voxel by voxel.
/// </summary>
public sealed record PlanLink(long? PlanId, string? PlanStudyUid, string? PlanStudyDate, string? PlanJsonPath, string Statement, string VoxelComparison,
    string? RegistrationFile = null, string? PredictedDosePath = null, string? PlanFrameOfReferenceUid = null, string? PetFrameOfReferenceUid = null);

/// <summary>Patient ID (0010,0020), Issuer of Patient ID (0010,0021) and Study Date (0008,0020) of a study's image (PHI, never logged), and its Frame of Reference.</summary>
public sealed record PatientKey(string? PatientId, string? IssuerOfPatientId, string? StudyDate, string? FrameOfReferenceUid = null)
{
    public static PatientKey Read(string dicomFile)
    {
        var ds = DicomFile.Open(dicomFile, new DicomReadOptions { StopBeforePixelData = true }).Dataset;
        return new PatientKey(Blank(ds.GetString(DicomTag.PatientID)), Blank(ds.GetString(DicomTag.IssuerOfPatientID)), Blank(ds.GetString(DicomTag.StudyDate)),
            Blank(ds.GetString(DicomTag.FrameOfReferenceUID)));
    }

    /// <summary>A DICOM DA (YYYYMMDD) as a date; null when empty or not a date.</summary>
    public static DateOnly? ParseDate(string? da) =>
        DateOnly.TryParseExact(da?.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    public override string ToString() => "[patient key withheld]";
}

/// <summary>
/// Which plan a Y-90 PET study links (docs/planning.md): the most recent plan of the same patient (same Patient ID and
/// Issuer of Patient ID) whose MAA study date is 0 to <c>VoxDose:Planning:LinkWindowDays</c> days before the PET's study
/// date; the latest revision of the latest MAA study wins. No plan, no Patient ID or no Study Date: no link, and the
/// statement says which. Nothing is guessed from names or dates of other patients.
/// </summary>
public sealed class PlanLinker(PlanRepository plans, StudyRepository studies, InstanceRepository instances, IOptions<VoxDoseOptions> options)
{
    /// <summary>Why there is no voxel-wise comparison when no plan is linked.</summary>
    public const string VoxelComparisonStatement = "not performed: no plan linked; the comparison needs the plan's predicted dose map";

    public async Task<PlanLink> LinkAsync(string studyUid, string petFile, CancellationToken ct)
    {
        var window = options.Value.Planning.LinkWindowDays;
        PatientKey key;
        try { key = PatientKey.Read(petFile); }
        catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException)
        {
            return None($"No plan linked: the PET's patient and date cannot be read ({e.Message}).");
        }
        if (key.PatientId is null) return None("No plan linked: the PET has no Patient ID.");
        if (PatientKey.ParseDate(key.StudyDate) is not { } petDate) return None("No plan linked: the PET has no valid Study Date, so the link window cannot be applied.");
        var candidates = (await plans.ForPatientAsync(key.PatientId, key.IssuerOfPatientId, ct).ConfigureAwait(false))
            .Where(p => p.StudyUid != studyUid).ToList();
        var inWindow = candidates
            .Select(p => (Plan: p, Days: PatientKey.ParseDate(p.StudyDate) is { } d ? petDate.DayNumber - d.DayNumber : (int?)null))
            .Where(x => x.Days is { } days && days >= 0 && days <= window)
            .OrderByDescending(x => x.Plan.StudyDate, StringComparer.Ordinal).ThenByDescending(x => x.Plan.Revision).ThenByDescending(x => x.Plan.ComputedAt)
            .ToList();
        var windowText = window.ToString("0.##", CultureInfo.InvariantCulture);
        if (inWindow.Count == 0)
        {
            var outside = candidates.Count == 0 ? "" : $" ({candidates.Count} plan revision(s) of this patient fall outside it)";
            return None($"No plan linked: no plan of this patient (same Patient ID and Issuer of Patient ID) from an MAA study 0 to {windowText} days before this PET{outside}.");
        }
        var (plan, daysBefore) = inWindow[0];
        var others = inWindow.Select(x => x.Plan.StudyUid).Distinct(StringComparer.Ordinal).Count() - 1;
        var statement = $"Plan of MAA study {plan.StudyUid} (revision {plan.Revision}, study date {FormatDate(plan.StudyDate)}, {daysBefore} day(s) before this PET) "
            + $"linked by Patient ID and Issuer of Patient ID within {windowText} days"
            + (others > 0 ? $"; the most recent of {others + 1} MAA studies in the window." : ".");
        return await WithRegistrationAsync(new PlanLink(plan.Id, plan.StudyUid, plan.StudyDate, plan.PlanJsonPath, statement, VoxelComparisonStatement,
            PlanFrameOfReferenceUid: plan.FrameOfReferenceUid, PetFrameOfReferenceUid: key.FrameOfReferenceUid), studyUid, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The voxel-wise comparison needs the plan's predicted dose map and a DICOM Spatial Registration, in the PET's study
    /// or the plan's, relating the plan's frame of reference to the PET's (the same frame needs none). Found: the link
    /// names both; otherwise its voxel statement says what is missing and the comparison is per lesion only.
    /// </summary>
    private async Task<PlanLink> WithRegistrationAsync(PlanLink link, string petStudyUid, CancellationToken ct)
    {
        var predicted = Path.Combine(Path.GetDirectoryName(link.PlanJsonPath!)!, MaaPlanRunner.PredictedDoseFile);
        if (!File.Exists(predicted)) return link with { VoxelComparison = "not performed: the plan has no predicted dose map (no partition was computed); per lesion only" };
        link = link with { PredictedDosePath = predicted };
        if (link.PlanFrameOfReferenceUid is not { } planFrame || link.PetFrameOfReferenceUid is not { } petFrame)
            return link with { VoxelComparison = "not performed: the plan's or the PET's Frame of Reference UID is unknown; per lesion only" };
        if (planFrame == petFrame) return link with { VoxelComparison = "compared in the shared frame of reference (no registration needed)" };
        foreach (var study in new[] { petStudyUid, link.PlanStudyUid! })
            foreach (var series in (await studies.SeriesAsync(study, ct).ConfigureAwait(false)).Where(s => s.Role == SeriesRole.Registration))
                foreach (var instance in await instances.LatestOfSeriesAsync(series.SeriesUid, ct).ConfigureAwait(false))
                {
                    try
                    {
                        var registration = DicomFile.Open(instance.Path).Dataset;
                        if (Dosimetry.Planning.SpatialRegistration.TransformBetween(registration, planFrame, petFrame) is not null)
                            return link with
                            {
                                RegistrationFile = instance.Path,
                                VoxelComparison = $"dose difference (delivered - predicted) through Spatial Registration {instance.SopInstanceUid}",
                            };
                    }
                    catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException)
                    {
                        // An unreadable registration relates nothing; the statement below says none was usable.
                    }
                }
        return link with
        {
            VoxelComparison = $"not performed: no DICOM Spatial Registration object in this study or the plan's relates the plan's frame of reference ({planFrame}) "
                + $"to the PET's ({petFrame}); per lesion only",
        };
    }

    private static PlanLink None(string statement) => new(null, null, null, null, statement, VoxelComparisonStatement);

    private static string FormatDate(string? da) => PatientKey.ParseDate(da)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";
}
