using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Outcomes;
using VoxDose.StoreScp.Tests.Support;

namespace VoxDose.StoreScp.Tests.Outcomes;

/// <summary>Issue 13: the registry keeps a lesion's identity across revisions and the figures of each revision.</summary>
public sealed class LesionRegistryTests
{
    [Fact]
    public async Task A_lesion_keeps_its_identity_across_revisions_by_its_normalised_roi_name_and_the_latest_revision_is_current()
    {
        var database = await TestDatabase.CreateSqliteAsync();
        var registry = new LesionRegistry(database, TimeProvider.System);
        var treatment = new TreatmentIdentity("P1", "", "2.25.1", new DateOnly(2025, 3, 4));
        await registry.RecordAsync(treatment, 1, 10, [Figures("GTV 1", 90), Figures("GTV 2", 60)]);
        await registry.RecordAsync(treatment, 2, 11, [Figures(" gtv   1 ", 95), Figures("GTV 3", 70)]); // GTV 2 deleted, GTV 3 drawn

        var current = await registry.CurrentLesionsAsync();
        Assert.Equal([("GTV 1", " gtv   1 ", 95.0, 2L), ("GTV 3", "GTV 3", 70.0, 2L)],
            current.Select(l => (l.RoiKey, l.Figures.RoiName, l.Figures.TdvGy!.Value, l.Revision)));
        await using var c = await database.OpenAsync();
        Assert.Equal(3L, StudyRepository.ToLong(await c.ScalarAsync(null, "SELECT COUNT(*) FROM registry_lesions", CancellationToken.None)));
        Assert.Equal(4L, StudyRepository.ToLong(await c.ScalarAsync(null, "SELECT COUNT(*) FROM registry_lesion_figures", CancellationToken.None)));
        Assert.Equal(1L, StudyRepository.ToLong(await c.ScalarAsync(null, "SELECT COUNT(*) FROM registry_patients", CancellationToken.None)));

        // Recording a revision again (a restart mid-pipeline) replaces its figures, it does not add to them.
        await registry.RecordAsync(treatment, 2, 12, [Figures("GTV 1", 96), Figures("GTV 3", 70)]);
        Assert.Equal(4L, StudyRepository.ToLong(await c.ScalarAsync(null, "SELECT COUNT(*) FROM registry_lesion_figures", CancellationToken.None)));
        Assert.Equal(96.0, (await registry.CurrentLesionsAsync())[0].Figures.TdvGy);
    }

    [Fact]
    public void Lesions_are_read_from_results_json_with_null_figures_kept_null()
    {
        var lesions = LesionResults.Read("""
            { "rois": [
              { "name": "Liver", "role": "wholeLiver", "meanGy": 30 },
              { "name": "GTV 1", "role": "lesion", "volumeMl": 12.5, "longestAxialDiameterMm": 31.2, "meanGy": 101.5, "sdGy": 20.3, "cov": 0.2,
                "d70Gy": 88.1, "v100Percent": 51.0 },
              { "name": "GTV 2", "role": "lesion", "volumeMl": 0, "longestAxialDiameterMm": null, "meanGy": null, "sdGy": null, "cov": null } ] }
            """);
        Assert.Equal([new LesionFigures("GTV 1", 101.5, 20.3, 0.2, 88.1, 51.0, 12.5, 31.2, null), new LesionFigures("GTV 2", null, null, null, null, null, 0, null, null)],
            lesions);
    }

    private static LesionFigures Figures(string name, double tdvGy) => new(name, tdvGy, tdvGy / 4, 0.25, tdvGy * 0.8, 50, 10, 30, null);
}
